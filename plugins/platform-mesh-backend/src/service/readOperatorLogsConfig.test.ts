import { ConfigReader } from '@backstage/config';
import { readOperatorLogsConfig } from './readOperatorLogsConfig';

const read = (operatorLogs?: object) =>
  readOperatorLogsConfig(
    new ConfigReader(operatorLogs ? { platformMesh: { operatorLogs } } : {}),
  );

describe('readOperatorLogsConfig', () => {
  it("keeps the chart's defaults when nothing is configured", () => {
    expect(read()).toEqual({});
  });

  it('reads the label selector and the container', () => {
    expect(
      read({
        labelSelector: ' app=pm-platform-mesh-operator ',
        container: 'manager',
      }),
    ).toEqual({
      labelSelector: 'app=pm-platform-mesh-operator',
      container: 'manager',
    });
  });

  it('names every broken key', () => {
    expect(() =>
      read({ labelSelector: '  ', container: 'Not_A_Name' }),
    ).toThrow(
      /platformMesh\.operatorLogs\.labelSelector: must not be empty[\s\S]*platformMesh\.operatorLogs\.container: must be a container name/,
    );
    expect(() => read({ labelSelector: 5 })).toThrow(
      /platformMesh\.operatorLogs\.labelSelector: must be a string/,
    );
  });
});
