// 规则参数: the parameters in force (现行参数) and every version (修订记录) — a table at a desk, a
// list on a phone — each with who set it and whether it is in force, waiting or replaced.
import { Text, View } from '@tarojs/components';
import type { SettingsVersionView } from '../../../../../domain/schemas/compliance';
import StateView from '../../../../components/StateView';
import { formatDateCN } from '../../../../utils/date';
import { HeadRow, Row, Table, Td, Th } from '../../parts/Table';
import { PARAMS, PARAM_BOUNDS, PARAM_HINT, setByText, standing, withUnit } from './params';

export function InForce({ inForce }: { inForce: SettingsVersionView }) {
  return (
    <View className='card'>
      <View className='card__head'>
        <View className='card__title' role='heading' aria-level={3}>
          现行参数
        </View>
      </View>
      {PARAMS.map((k) => (
        <View key={k} className='orgset-fact'>
          <View className='orgset-fact__main'>
            <Text className='orgset-fact__label'>{PARAM_BOUNDS[k].label}</Text>
            <Text className='orgset-fact__hint'>{PARAM_HINT[k]}</Text>
          </View>
          <Text className='orgset-fact__value'>{withUnit(k, inForce[k])}</Text>
        </View>
      ))}
      <Text className='orgset__meta'>
        依据：{inForce.source} · 自 {formatDateCN(inForce.effectiveFrom)} 起施行 · 修订：{setByText(inForce)}
      </Text>
    </View>
  );
}

export function History({ history, desk }: { history: SettingsVersionView[]; desk: boolean }) {
  const now = new Date().toISOString();
  return (
    <View className='card'>
      <View className='card__head'>
        <View className='card__title' role='heading' aria-level={3}>
          修订记录（{history.length}）
        </View>
      </View>
      {history.length === 0 ? (
        <StateView kind='empty' compact title='暂无修订记录' message='现行参数为规则印发时的默认值' />
      ) : desk ? (
        <Table label='修订记录' className='orgset-table'>
          <HeadRow>
            <Th>生效日期</Th>
            {PARAMS.map((k) => (
              <Th key={k}>{PARAM_BOUNDS[k].label}</Th>
            ))}
            <Th>依据</Th>
            <Th>修订人</Th>
            <Th>状态</Th>
          </HeadRow>
          {history.map((v) => {
            const s = standing(v, now);
            return (
              <Row key={v.effectiveFrom}>
                <Td>
                  <Text className='dtable__main'>{formatDateCN(v.effectiveFrom)}</Text>
                </Td>
                {PARAMS.map((k) => (
                  <Td key={k} className='dtable__cell--num'>
                    <Text className='dtable__main'>{withUnit(k, v[k])}</Text>
                  </Td>
                ))}
                <Td>
                  <Text className='dtable__sub'>{v.source}</Text>
                </Td>
                <Td>
                  <Text className='dtable__sub'>{setByText(v)}</Text>
                </Td>
                <Td>
                  <Text className={s.cls}>{s.text}</Text>
                </Td>
              </Row>
            );
          })}
        </Table>
      ) : (
        <View>
          {history.map((v) => {
            const s = standing(v, now);
            return (
              <View key={v.effectiveFrom} className='orgset-version'>
                <View className='orgset-version__head'>
                  <Text className='orgset-version__date'>自 {formatDateCN(v.effectiveFrom)} 起</Text>
                  <Text className={s.cls}>{s.text}</Text>
                </View>
                <Text className='orgset-version__params'>{PARAMS.map((k) => `${PARAM_BOUNDS[k].label} ${withUnit(k, v[k])}`).join('；')}</Text>
                <Text className='orgset-version__meta'>
                  依据：{v.source} · 修订：{setByText(v)}
                </Text>
              </View>
            );
          })}
        </View>
      )}
    </View>
  );
}
