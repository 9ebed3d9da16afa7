import { createRouter, createWebHistory } from 'vue-router';
import { useSession } from './stores/session.js';

const routes = [
  { path: '/', redirect: '/queue' },
  { path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignIn.vue'), meta: { public: true } },
  { path: '/queue', name: 'queue', component: () => import('./pages/MyQueue.vue') },
  { path: '/cases/:id', name: 'case', component: () => import('./pages/CaseWorkspace.vue'), props: true },
  { path: '/:rest(.*)*', redirect: '/queue' },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  const session = useSession();
  if (!session.checked) await session.load();
  if (!to.meta.public && !session.user) return { name: 'sign-in', query: { next: to.fullPath } };
  if (to.name === 'sign-in' && session.user) return { path: '/queue' };
  return true;
});
