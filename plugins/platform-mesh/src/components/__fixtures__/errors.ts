/** The backend's error bodies (Backstage's error middleware format). */

export const forbiddenBody = {
  error: {
    name: 'NotAllowedError',
    message: 'You are not allowed to read the status of this instance',
  },
  request: {
    method: 'GET',
    url: '/api/platform-mesh/instances/dev/platform-mesh-system/platform-mesh-sample/status',
  },
  response: { statusCode: 403 },
};

export const logsForbiddenBody = {
  error: {
    name: 'NotAllowedError',
    message: 'Missing permission platform-mesh.logs.read',
  },
  request: {
    method: 'GET',
    url: '/api/platform-mesh/instances/dev/platform-mesh-system/platform-mesh-sample/operator-logs',
  },
  response: { statusCode: 403 },
};

export const notFoundBody = {
  error: {
    name: 'NotFoundError',
    message:
      'PlatformMesh platform-mesh-system/platform-mesh-sample not found on cluster runtime',
  },
  request: {
    method: 'GET',
    url: '/api/platform-mesh/instances/dev/platform-mesh-system/platform-mesh-sample/status',
  },
  response: { statusCode: 404 },
};

export const serverErrorBody = {
  error: { name: 'Error', message: 'status cache is not initialised' },
  request: {
    method: 'GET',
    url: '/api/platform-mesh/instances/dev/platform-mesh-system/platform-mesh-sample/status',
  },
  response: { statusCode: 500 },
};
