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
});
