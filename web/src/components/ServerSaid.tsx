import { dutchServerMessage } from '../lib/labels';

/**
 * What the server said, in Dutch. Server messages are English (a machine
 * contract); a known one is shown translated after `prefix`, an unknown one
 * not at all: the Dutch text around it already says what went wrong.
 */
export function ServerSaid({ prefix, message }: { prefix: string; message: string | null | undefined }) {
  const dutch = dutchServerMessage(message);
  return dutch ? (
    <>
      {prefix} {dutch}
    </>
  ) : null;
}
