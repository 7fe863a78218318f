/** The article is filed under a channel. */
import { articleRule, fieldSegment } from '../rule';

export const channelRule = articleRule('channel', () => ({
  collect({ content, segments }) {
    if (content.channel.some((part) => part.trim() !== '')) return [];
    return [
      {
        rule: 'channel',
        segment: fieldSegment(segments, 'channel'),
        start: 0,
        end: 0,
        message: { en: 'No channel is set: choose where the article will run.', 'zh-CN': '未选择栏目：请选择稿件刊发的栏目。' },
      },
    ];
  },
}));
