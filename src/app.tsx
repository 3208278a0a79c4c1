import type { PropsWithChildren, ReactNode } from 'react';
import './app.css';

// The app shell: Taro renders each page as `children`. Nothing happens at launch; the cloud is
// initialised lazily by services/api.ts on the first call.
function App({ children }: PropsWithChildren): ReactNode {
  return children;
}

export default App;
