import { render } from 'preact';
import '@/components/layout/dsfr';
import '@/components/options/options.css';
import { AliasList } from '@/components/aliases/AliasList';
import { OptionsApp } from '@/components/options/OptionsApp';
import { SyncSettings } from '@/components/sync/SyncSettings';

// Further sections go as children of <OptionsApp>: the synchronisation (server address, sign-in), the labels
// counsellors taught the readers.
render(
  <OptionsApp>
    <SyncSettings />
    <AliasList />
  </OptionsApp>,
  document.getElementById('app')!,
);
