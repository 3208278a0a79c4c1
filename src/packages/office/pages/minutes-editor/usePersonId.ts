// Who is signed in (account.me), for the key of what is kept on this device per person.
import { useEffect, useState } from 'react';
import { call } from '../../../../services/api';

export function usePersonId(): string | null {
  const [id, setId] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('account.me', {}).then(
      (me) => live && setId(me.person.id),
      () => undefined, // no key: the draft is simply not kept on the device
    );
    return () => {
      live = false;
    };
  }, []);
  return id;
}
