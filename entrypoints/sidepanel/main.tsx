import { render } from 'preact';
import '@/components/layout/dsfr';
import { PanelApp } from '@/components/layout/PanelApp';

render(<PanelApp />, document.getElementById('app')!);
