/// <reference types="@tarojs/taro" />

// Asset and style modules as a standard Taro project declares them.
declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.less';
declare module '*.scss';
declare module '*.sass';
declare module '*.styl';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Node's own; affects what the Taro build emits */
    NODE_ENV: 'development' | 'production' | 'test';
    /** the platform being built; replaced at compile time, so platform branches are dead-code eliminated */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** the mini-program appid, if set in a Taro env file */
    TARO_APP_ID?: string;
    /** the CloudBase environment id (config `defineConstants`); empty means the default environment */
    CLOUD_ENV?: string;
  }
}
