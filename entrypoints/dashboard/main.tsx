import { render } from 'preact';
import '@/components/layout/dsfr';
import '@gouvfr/dsfr/dist/component/table/table.min.css';
import '@/components/dashboard/dashboard.css';
import { DashboardApp } from '@/components/dashboard/DashboardApp';

render(<DashboardApp />, document.getElementById('app')!);
