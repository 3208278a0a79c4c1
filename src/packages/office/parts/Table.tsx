// The desk tables of the office pages, as ARIA table roles on views (mini-program components have
// no <table>): one header row, then one row per record. Styles in table.css.
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import Tap from '../../../components/Tap';
import './table.css';

export function Table({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <View className={className ? `dtable ${className}` : 'dtable'} role='table' aria-label={label}>
      {children}
    </View>
  );
}

export function HeadRow({ children }: { children: ReactNode }) {
  return (
    <View className='dtable__row dtable__row--head' role='row'>
      {children}
    </View>
  );
}

export function Row({ children }: { children: ReactNode }) {
  return (
    <View className='dtable__row dtable__row--hover' role='row'>
      {children}
    </View>
  );
}

export function Th({ children, end }: { children: ReactNode; end?: boolean }) {
  return (
    <View className={end ? 'dtable__cell dtable__cell--end' : 'dtable__cell'} role='columnheader'>
      {children}
    </View>
  );
}

export function Td({ children, className }: { children?: ReactNode; className?: string }) {
  return (
    <View className={className ? `dtable__cell ${className}` : 'dtable__cell'} role='cell'>
      {children}
    </View>
  );
}

/** A record's title that opens it: a link, a full tap target high, reachable by keyboard. */
export function TableLink({ children, onOpen }: { children: ReactNode; onOpen: () => void }) {
  return (
    <Tap role='link' className='dtable__link' onTap={onOpen}>
      {children}
    </Tap>
  );
}
