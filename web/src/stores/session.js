import { defineStore } from 'pinia';
import { api, setCsrfToken } from '../api.js';

// Who is signed in, from /me (the cookie survives a reload) or sign-in.
export const useSession = defineStore('session', {
  state: () => ({ user: null, checked: false }),
  actions: {
    async load() {
      try {
        const me = await api.get('/me');
        this.user = me.user;
        setCsrfToken(me.csrf_token);
      } catch (e) {
        if (e.status !== 401) throw e;
        this.user = null;
      } finally {
        this.checked = true;
      }
    },
    async signIn(login, password) {
      const result = await api.post('/session', { login, password });
      this.user = result.user;
      setCsrfToken(result.csrf_token);
    },
    async signOut() {
      try {
        await api.del('/session');
      } finally {
        this.user = null;
        setCsrfToken('');
      }
    },
  },
});
