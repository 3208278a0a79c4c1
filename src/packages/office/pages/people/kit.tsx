// Pieces shared by the people pages (issue #11): a person's state in words (微信绑定, 停用) and the
// roles in the words of the working rules (domain/roles.ts ROLE_INFO).
import { Text, View } from '@tarojs/components';
import type { PersonCardView } from '../../../../../domain/schemas/people';

/** The state tags of one person: 已停用, or whether their WeChat account is bound. */
export function PersonState({ person }: { person: Pick<PersonCardView, 'active' | 'bound'> }) {
  if (!person.active) return <Text className='tag tag--returned'>已停用</Text>;
  return person.bound ? <Text className='tag tag--accepted'>已绑定微信</Text> : <Text className='tag tag--plain'>未绑定微信</Text>;
}

/** The roles of one person as tags. */
export function RoleTags({ roles }: { roles: PersonCardView['roles'] }) {
  return (
    <View className='ppl-roles'>
      {roles.map((r) => (
        <Text key={r.role} className='tag'>
          {r.label}
        </Text>
      ))}
    </View>
  );
}
