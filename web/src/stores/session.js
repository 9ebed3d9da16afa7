import { defineStore } from 'pinia';
import { api, setCsrfToken } from '../api.js';

// Who is signed in, from /me (the cookie survives a reload) or sign-in, and
// what their role may call: the server's own permission table (/roles), so a
// page or a button shows only where the request would be allowed.
export const useSession = defineStore('session', {
  state: () => ({ user: null, checked: false, routes: [] }),
  getters: {
    can: (state) => (route) => state.routes.includes(route),
  },
  actions: {
    async load() {
      try {
        // Both at once: the first page waits for them.
        const [me, roles] = await Promise.all([api.get('/me'), api.get('/roles')]);
        this.user = me.user;
        setCsrfToken(me.csrf_token);
        this.routes = roles.items.find((r) => r.id === this.user.role)?.routes || [];
      } catch (e) {
        if (e.status !== 401) throw e;
        this.user = null;
      } finally {
        this.checked = true;
      }
    },
    async loadRoutes() {
      const roles = await api.get('/roles');
      this.routes = roles.items.find((r) => r.id === this.user.role)?.routes || [];
    },
    async signIn(login, password) {
      const result = await api.post('/session', { login, password });
      this.user = result.user;
      setCsrfToken(result.csrf_token);
      await this.loadRoutes();
    },
    async signOut() {
      try {
        await api.del('/session');
      } finally {
        this.user = null;
        this.routes = [];
        setCsrfToken('');
      }
    },
  },
});
