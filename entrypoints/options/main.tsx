import { render } from 'preact';
import '@/components/layout/dsfr';
import '@/components/options/options.css';
import { OptionsApp } from '@/components/options/OptionsApp';

// Further sections (synchronisation: server address, sign-in) go as children of <OptionsApp>.
render(<OptionsApp />, document.getElementById('app')!);
