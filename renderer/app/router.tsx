import { createHashRouter } from 'react-router';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';
import { SECTIONS } from './routes';

/**
 * Hash routing: the app is served from app://huiwen/index.html (and a static preview), where only the
 * fragment can change without a server round-trip; `#/meetings` deep links survive reloads.
 */
export function createAppRouter() {
  return createHashRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        ...SECTIONS.map(({ path, Page }) =>
          path === '/'
            ? { index: true, element: <Page /> }
            : { path: `${path.slice(1)}/*`, element: <Page /> },
        ),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
