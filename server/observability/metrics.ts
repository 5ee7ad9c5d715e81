/**
 * Prometheus metrics of one server instance, in the text exposition format (version 0.0.4), written by hand:
 * a few counters and histograms need no client library. Labels carry route templates and codes, never a
 * value from a request (no ftId, no sub, no token): the page is safe to scrape.
 */

type Labels = Record<string, string>;

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labelText = (labels: Labels) => {
  const entries = Object.entries(labels);
  return entries.length ? `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}` : '';
};
const keyOf = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));

class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    const key = keyOf(labels);
    const entry = this.values.get(key) ?? { labels, value: 0 };
    entry.value += by;
    this.values.set(key, entry);
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${labelText(labels)} ${value}`);
    return lines;
  }
}

class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {}
  observe(value: number, labels: Labels = {}): void {
    const key = keyOf(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) s.counts[i]!++;
    s.sum += value;
    s.count++;
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const { labels, counts, sum, count } of this.series.values()) {
      this.buckets.forEach((le, i) => lines.push(`${this.name}_bucket${labelText({ ...labels, le: String(le) })} ${counts[i]}`));
      lines.push(`${this.name}_bucket${labelText({ ...labels, le: '+Inf' })} ${count}`);
      lines.push(`${this.name}_sum${labelText(labels)} ${sum}`);
      lines.push(`${this.name}_count${labelText(labels)} ${count}`);
    }
    return lines;
  }
}

export class ServerMetrics {
  readonly requests = new Counter('profilence_http_requests_total', 'Requêtes HTTP terminées, par route, méthode et statut.');
  readonly latency = new Histogram(
    'profilence_http_request_duration_seconds',
    'Durée des requêtes HTTP, par route.',
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  );
  readonly syncBatch = new Histogram(
    'profilence_sync_batch_size',
    'Taille des lots de synchronisation : modifications envoyées (push) ou changements reçus (pull).',
    [0, 1, 5, 10, 25, 50, 100, 250, 500],
  );
  readonly rejected = new Counter('profilence_sync_rejected_mutations_total', 'Modifications refusées, par code.');
  private readonly startedAt = Date.now();

  render(): string {
    const uptime = [
      '# HELP profilence_uptime_seconds Secondes depuis le démarrage de cette instance.',
      '# TYPE profilence_uptime_seconds gauge',
      `profilence_uptime_seconds ${Math.round((Date.now() - this.startedAt) / 1000)}`,
    ];
    return [...this.requests.render(), ...this.latency.render(), ...this.syncBatch.render(), ...this.rejected.render(), ...uptime].join('\n') + '\n';
  }
}
