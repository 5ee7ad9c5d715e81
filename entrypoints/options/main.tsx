import { render } from 'preact';
import '@/components/layout/dsfr';
import '@/components/options/options.css';
import { OptionsApp } from '@/components/options/OptionsApp';
import { SyncSettings } from '@/components/sync/SyncSettings';

// Further sections go as children of <OptionsApp>: the synchronisation (server address, sign-in).
render(
  <OptionsApp>
    <SyncSettings />
  </OptionsApp>,
  document.getElementById('app')!,
);
