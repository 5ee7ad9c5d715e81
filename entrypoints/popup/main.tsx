import { render } from 'preact';
import '@/components/layout/dsfr';
import '@/components/popup/popup.css';
import { PopupApp } from '@/components/popup/PopupApp';

render(<PopupApp />, document.getElementById('app')!);
