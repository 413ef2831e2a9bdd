import { useNavigate } from 'react-router';
import { type Messages, useT } from '../../common/i18n';
import { backOfficeTexts } from '../messages';
import { signOutStaff, staffClaims } from '../staff-auth';

const texts: Messages<'label' | 'noRole' | 'tenant'> = {
  nl: { label: 'Uw account', noRole: 'geen rol', tenant: 'gemeente {tenant}' },
  en: { label: 'Your account', noRole: 'no role', tenant: 'municipality {tenant}' },
};

const roleNames: Messages<'administrator' | 'reviewer' | 'official' | 'auditor'> = {
  nl: { administrator: 'beheerder', reviewer: 'beoordelaar', official: 'medewerker stembureau', auditor: 'controleur' },
  en: { administrator: 'administrator', reviewer: 'reviewer', official: 'polling official', auditor: 'auditor' },
};

/** Who is signed in (from the staff token, for display), with a sign-out. */
export function StaffBar() {
  const t = useT(texts);
  const app = useT(backOfficeTexts);
  const role = useT(roleNames);
  const navigate = useNavigate();
  const claims = staffClaims();
  const roles = claims.roles.map((r) => (r in roleNames.nl ? role(r as keyof typeof roleNames.nl) : r)).join(', ') || t('noRole');
  return (
    <section aria-label={t('label')} className="ib-staff-bar">
      <p className="utrecht-paragraph" data-testid="signed-in-as">
        {app('signedInAs', { sub: claims.sub ?? '?', roles })}
        {claims.tenant ? `, ${t('tenant', { tenant: claims.tenant })}` : ''}
      </p>
      <button
        type="button"
        className="utrecht-button utrecht-button--subtle"
        onClick={() => {
          signOutStaff();
          navigate('/aanmelden', { replace: true });
        }}
      >
        {app('nav.signOut')}
      </button>
    </section>
  );
}
