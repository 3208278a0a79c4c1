import type { PropsWithChildren, ReactNode } from 'react';
import { startFirstRead } from './services/first-read';
import { initElder } from './utils/elder';
import { installElderToasts } from './utils/feedback';
import { installH5Helpers } from './utils/h5';
import './app.css';

// At launch, before the first page renders: 长辈版 as this device remembers it, toasts that wait
// for 知道了 in 长辈版, (H5) the message for a page that failed to load plus keyboard taps, and the
// first screen's read, started before its page's code has loaded (issue #25).
// The cloud is initialised lazily by services/api.ts on the first call.
initElder();
installElderToasts();
installH5Helpers();
startFirstRead();

// The app shell: Taro renders each page as `children`.
function App({ children }: PropsWithChildren): ReactNode {
  return children;
}

export default App;
