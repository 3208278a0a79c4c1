import { Text, View } from '@tarojs/components';
import { goBack, goHome } from '../../utils/nav';
import Tap from '../Tap';

export interface NavBarProps {
  title: string;
  /** hide the 首页 control (a page that is itself a start, e.g. sign-in) */
  noHome?: boolean;
}

/**
 * The H5 top bar: 返回 (home when there is no page to go back to), the page title, 首页.
 * In the mini-program WeChat's own navigation bar does this; PageShell renders this on H5 only.
 */
export default function NavBar({ title, noHome }: NavBarProps) {
  return (
    <View className='nav-bar' role='navigation' aria-label='页面导航'>
      <View className='nav-bar__inner'>
        <Tap className='nav-bar__btn nav-bar__btn--back' hoverClass='nav-bar__btn--hover' label='返回' onTap={goBack}>
          <Text className='nav-bar__icon' aria-hidden='true'>
            ‹
          </Text>
          <Text className='nav-bar__text' aria-hidden='true'>
            返回
          </Text>
        </Tap>
        <View className='nav-bar__title' role='heading' aria-level={1}>
          {title}
        </View>
        {noHome ? (
          <View className='nav-bar__spacer' />
        ) : (
          <Tap className='nav-bar__btn nav-bar__btn--home' hoverClass='nav-bar__btn--hover' label='首页' onTap={goHome}>
            <Text className='nav-bar__text' aria-hidden='true'>
              首页
            </Text>
          </Tap>
        )}
      </View>
    </View>
  );
}
