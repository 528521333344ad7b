import { defineEnvVars } from '@sveltejs/kit/env';

export const variables = defineEnvVars({
  GATEWAY_URL: {
    description: 'The gateway’s GraphQL endpoint, which the web server calls and proxies /graphql to.',
    schema: (value) => {
      const url = value || 'http://127.0.0.1:4000/graphql';
      if (!/^https?:\/\//.test(url)) throw new Error('GATEWAY_URL must be an http(s) URL');
      return url;
    },
  },
  DUES_REMINDER_DAYS: {
    description: 'How many last days of a month the member’s page reminds them that the month’s dues are unpaid (docs/rules/dues-standing.md#reminders); 5 when unset.',
    schema: (value) => {
      const days = value ? Number(value) : 5;
      if (!Number.isInteger(days) || days < 1 || days > 31) throw new Error('DUES_REMINDER_DAYS must be a whole number of days from 1 to 31');
      return days;
    },
  },
});
