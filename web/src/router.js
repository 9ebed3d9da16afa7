import { createRouter, createWebHistory } from 'vue-router';
import { useSession } from './stores/session.js';
import { api } from './api.js';
// The queue is where a collector's day starts: part of the first download, not a chunk fetched after it.
import MyQueue from './pages/MyQueue.vue';

const routes = [
  { path: '/', name: 'home', component: { render: () => null } },
  { path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignIn.vue'), meta: { public: true } },
  { path: '/queue', name: 'queue', component: MyQueue, meta: { route: 'GET /api/v1/queue' } },
  { path: '/cases/:id', name: 'case', component: () => import('./pages/CaseWorkspace.vue'), props: true },
  { path: '/cases', name: 'cases', component: () => import('./pages/CaseList.vue'), meta: { route: 'GET /api/v1/cases' } },
  { path: '/approvals', name: 'approvals', component: () => import('./pages/ApprovalsInbox.vue'), meta: { route: 'GET /api/v1/approvals' } },
  { path: '/dashboard', name: 'dashboard', component: () => import('./pages/SupervisorDashboard.vue'), meta: { route: 'GET /api/v1/reports/{name}' } },
  { path: '/reports', name: 'reports', component: () => import('./pages/ReportsPage.vue'), meta: { route: 'GET /api/v1/reports/{name}' } },
  { path: '/imports', name: 'imports', component: () => import('./pages/ImportsPage.vue'), meta: { route: 'POST /api/v1/imports' } },
  { path: '/admin/users', name: 'users', component: () => import('./pages/UsersPage.vue'), meta: { route: 'GET /api/v1/users' } },
  { path: '/admin/cycle', name: 'cycle', component: () => import('./pages/CycleRuns.vue'), meta: { route: 'GET /api/v1/cycle/runs' } },
  { path: '/admin/configuration', name: 'configuration', component: () => import('./pages/ConfigurationPage.vue'), meta: { route: 'GET /api/v1/call-scripts' } },
  { path: '/:rest(.*)*', redirect: '/' },
];

export const router = createRouter({ history: createWebHistory(), routes });

// Where a role starts its day: the queue, else the approvals, else the cases in scope.
function homeOf(session) {
  if (session.can('GET /api/v1/queue')) return { path: '/queue' };
  if (session.can('POST /api/v1/approvals/{approval}/approve')) return { path: '/approvals' };
  if (session.can('GET /api/v1/cases')) return { path: '/cases' };
  return { path: '/admin/users' };
}

// The queue asked for at the same time as the session on a first load of /queue; the page takes it once.
let prefetchedQueue = null;
export function takePrefetchedQueue() {
  const queue = prefetchedQueue;
  prefetchedQueue = null;
  return queue;
}

router.beforeEach(async (to) => {
  const session = useSession();
  if (!session.checked) {
    if (to.name === 'queue') prefetchedQueue = api.get('/queue').catch(() => null);
    await session.load();
  }
  if (!to.meta.public && !session.user) return { name: 'sign-in', query: { next: to.fullPath } };
  if ((to.name === 'sign-in' || to.name === 'home') && session.user) return homeOf(session);
  if (to.meta.route && !session.can(to.meta.route) && homeOf(session).path !== to.path) return homeOf(session);
  return true;
});
