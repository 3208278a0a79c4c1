// Issue #19: 我的 → 全部会议, for the offices and the org's leadership (who follow every meeting).
import { Text, View } from '@tarojs/components';
import { OFFICES, type Role } from '../../domain/roles';
import { ORG_LEADERSHIP } from '../../domain/topic-rules';
import { openPage } from '../utils/nav';
import { MEETINGS_PAGE } from '../utils/workbench';
import Tap from './Tap';

export default function MeetingsLink({ roles }: { roles: ReadonlyArray<{ role: Role }> }) {
  if (!roles.some((r) => OFFICES.includes(r.role) || ORG_LEADERSHIP.includes(r.role))) return null;
  return (
    <View className='card settings__group'>
      <View className='card__head'>
        <Text className='card__title'>会议</Text>
      </View>
      <Tap role='link' className='settings__link' hoverClass='settings__link--hover' onTap={() => openPage(MEETINGS_PAGE)}>
        <View className='settings__link-main'>
          <Text className='settings__link-label'>全部会议</Text>
          <Text className='settings__link-hint'>历年会议及其通知、议题、纪要、落实清单</Text>
        </View>
        <Text className='settings__link-go' aria-hidden='true'>
          ›
        </Text>
      </Tap>
    </View>
  );
}
