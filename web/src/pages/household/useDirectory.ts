import { useCallback, useEffect, useState } from 'react';
import { ApiError, listOrganisations, listPriceList, listProfessionals } from '../../lib/api';
import type { Organisation, PriceListItem, Professional } from '../../lib/types';

export interface Directory {
  organisations: Organisation[];
  professionals: Professional[];
  priceCodes: PriceListItem[];
  failed: boolean;
  reload: () => Promise<void>;
}

/** Organisations, professionals and price codes, for the forms and "Wie komt er aan de deur". */
export function useDirectory(withForms: boolean): Directory {
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [professionals, setProfessionals] = useState<Professional[]>([]);
  const [priceCodes, setPriceCodes] = useState<PriceListItem[]>([]);
  const [failed, setFailed] = useState(false);

  const reload = useCallback(async () => {
    try {
      const [pros, orgs] = await Promise.all([listProfessionals(), listOrganisations()]);
      setProfessionals(pros.professionals);
      setOrganisations(orgs.organisations);
    } catch {
      // Only the phone numbers are missing then.
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    listProfessionals(controller.signal)
      .then((b) => setProfessionals(b.professionals))
      .catch(() => undefined);
    if (withForms) {
      listOrganisations(controller.signal)
        .then((b) => setOrganisations(b.organisations))
        .catch((err: unknown) => {
          if (!controller.signal.aborted && !(err instanceof ApiError && err.status === 401)) setFailed(true);
        });
      listPriceList(controller.signal)
        .then((b) => {
          // The newest version per code is the one to offer.
          const byCode = new Map<string, PriceListItem>();
          for (const item of b.items) {
            const seen = byCode.get(item.code);
            if (!seen || seen.valid_from < item.valid_from) byCode.set(item.code, item);
          }
          setPriceCodes([...byCode.values()].sort((a, b) => a.code.localeCompare(b.code)));
        })
        .catch(() => undefined);
    }
    return () => controller.abort();
  }, [withForms]);

  return { organisations, professionals, priceCodes, failed, reload };
}
