// Home: who I am, my org, and what is waiting for me. One cloud call renders the whole screen.
// Art. 11: my open tasks with their lights and countdowns, and for those who follow the whole
// checklist the 落实清单 entry with the org's overdue count; Art. 9: the minutes waiting for me.
import { View } from '@tarojs/components';
import PageShell from '../../components/PageShell';
import StateView from '../../components/StateView';
import { LoadStates } from '../../kit/PageShell';
import { UNBOUND_MESSAGE } from '../../utils/auth';
import { ROUTES, openPage } from '../../utils/nav';
import '../task/mine/kit.css';
import HomeContent from './HomeContent';
import { type HomeState, useHome } from './useHome';
import './index.css';

export default function Home() {
  const { state, retry } = useHome();
  return (
    <PageShell home className='home'>
      <View className='page-container'>{renderBody(state, retry)}</View>
    </PageShell>
  );
}

function renderBody(state: HomeState, retry: () => void) {
  switch (state.kind) {
    case 'unbound':
      // issue #11: not a dead end — the office's invite code binds this WeChat account
      return <StateView kind='notice' title='尚未绑定账号' message={`${UNBOUND_MESSAGE}获取邀请码后绑定`} actionText='绑定账号' onAction={() => openPage(ROUTES.bind)} onRetry={retry} />;
    case 'ready':
      return <HomeContent home={state.home} />;
    default:
      // home is where the ways out lead: the error offers 重试 only
      return <LoadStates state={state} skeleton={[[50, 80], [100], [40, 90, 70]]} onRetry={retry} exits={false} />;
  }
}
