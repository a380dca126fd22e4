import { configure } from '@testing-library/react';

// Material UI renders slowly in jsdom on small, shared machines: every findBy/waitFor of this
// package waits up to 5 s (the default is 1 s), and a test up to 30 s.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
