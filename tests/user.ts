/**
 * user-event for component tests: each action runs inside one awaited act().
 *
 * Why: Testing Library wraps each event in a synchronous act(). When that act's flush renders a transition (a
 * router navigation, a search-parameter change) through a component that calls use() and the render yields (a
 * busy machine), React's synchronous act drops the unfinished work while the root still believes it is scheduled:
 * that root never renders another transition, and the test waits for a page that never comes ("A component
 * suspended inside an act scope, but the act call was not awaited"). An awaited act flushes until nothing is left.
 */
import { act } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

export type User = ReturnType<typeof userEvent.setup>;

export function setupUser(options?: Parameters<typeof userEvent.setup>[0]): User {
  const user = userEvent.setup(options);
  return new Proxy(user, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => act(async () => (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
}
