// oidc-provider (panva) ships no types: the tests use a few members, typed where they are used.
declare module 'oidc-provider';
declare module 'oidc-provider/lib/adapters/memory_adapter.js';
