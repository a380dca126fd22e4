import {
  DEFAULT_OPERATOR_CONTAINER,
  selectOperatorContainer,
} from './operatorContainer';

const pod = (containers: string[], annotations?: Record<string, string>) => ({
  metadata: annotations ? { annotations } : {},
  spec: { containers: containers.map(name => ({ name })) },
});

describe('selectOperatorContainer', () => {
  it("picks the chart's operator container next to an istio-proxy sidecar, in any order", () => {
    expect(
      selectOperatorContainer(pod(['istio-proxy', 'platform-mesh-operator'])),
    ).toBe(DEFAULT_OPERATOR_CONTAINER);
    expect(
      selectOperatorContainer(pod(['platform-mesh-operator', 'istio-proxy'])),
    ).toBe(DEFAULT_OPERATOR_CONTAINER);
  });

  it('prefers the configured container name', () => {
    expect(
      selectOperatorContainer(
        pod(['istio-proxy', 'manager', 'extra']),
        'extra',
      ),
    ).toBe('extra');
  });

  it("follows kubectl's default-container annotation when the preferred name is absent", () => {
    expect(
      selectOperatorContainer(
        pod(['istio-proxy', 'a', 'b'], {
          'kubectl.kubernetes.io/default-container': 'b',
        }),
      ),
    ).toBe('b');
  });

  it('takes the first container that is not a known sidecar (a renamed release)', () => {
    expect(
      selectOperatorContainer(
        pod(['istio-proxy', 'linkerd-proxy', 'pm-platform-mesh-operator']),
      ),
    ).toBe('pm-platform-mesh-operator');
  });

  it('falls back to the first container when every container is a known sidecar', () => {
    expect(selectOperatorContainer(pod(['istio-proxy', 'envoy']))).toBe(
      'istio-proxy',
    );
  });

  it('leaves the choice to the API server when the pod lists no containers', () => {
    expect(selectOperatorContainer({})).toBeUndefined();
    expect(selectOperatorContainer(pod([]))).toBeUndefined();
  });
});
