// Saved audit searches of the default tenant: put this directory in gatehouse.audit.searches-dir.
// std.extVar('environment') is gatehouse.audit.searches-environment (staging, production, ...).
local env = std.extVar('environment');
local window = if env == 'production' then 'now-24h' else 'now-7d';

{
  tenant: 'default',
  searches: [
    {
      name: 'Audit-Verifications-kratos-device',
      description: 'E-mail verifications in ' + env + ', with the device they came from',
      owner: 'secops',
      query: { event_type: ['verification_succeeded', 'verification_failed'], since: window },
      fields: ['time', 'event_type', 'result', 'subject', 'device', 'ip'],
    },
    {
      name: 'Audit-Logins-kratos-failed',
      description: 'Failed sign-ins in ' + env,
      owner: 'secops',
      query: { event_type: 'login_failed', since: window, page_size: 50 },
      fields: ['time', 'result', 'device', 'ip', 'details'],
    },
  ],
}
