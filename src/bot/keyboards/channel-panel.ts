// A channel's settings as a message with buttons (/channels), and the pickers
// for its digest time (hour, then minute) and time zone. Button data:
// `chan:<channel id>:<action>[:<number>]`, checked again when pressed.
import { InlineKeyboard } from 'grammy'
import { COMMON_TIME_ZONES } from '#root/bot/helpers/time-zones.js'
import { escapeHtml } from '#root/digest/html.js'
import type { Chat } from '#root/generated/prisma/client.js'
import type { Translate } from '#root/digest/render.js'

export const CHANNEL_DATA = /^chan:(-100\d{1,13}):(open|topics|t|lang|push|prev|silent|time|h|m|tz|z)(?::(\d{1,4}))?$/
export const CHANNEL_LIST_DATA = 'chan:list'

export const channelData = (id: bigint | number, action: string) => `chan:${id}:${action}`

export function channelPanel(channel: Chat, topicNames: string[], t: Translate): { text: string, keyboard: InlineKeyboard } {
  const onOff = (on: boolean) => t(on ? 'switch-on' : 'switch-off')
  const language = t(`language-${channel.digestLanguage}`)
  const text = t('channel-panel', {
    title: escapeHtml(channel.title ?? String(channel.id)),
    topics: topicNames.length > 0 ? topicNames.join(', ') : t('channel-no-topics'),
    time: channel.digestTime,
    zone: channel.timeZone,
    language,
    pushes: onOff(channel.pushes),
    previews: onOff(channel.linkPreviews),
    silent: onOff(channel.silent),
    state: t(channel.state === 'blocked' ? 'channel-state-blocked' : `state-${channel.state}`),
  })
  const data = (action: string) => channelData(channel.id, action)
  const keyboard = new InlineKeyboard()
    .text(t('channel-button-topics'), data('topics')).text(t('channel-button-language', { language }), data('lang')).row()
    .text(t('channel-button-time', { time: channel.digestTime }), data('time')).text(t('channel-button-zone', { zone: channel.timeZone }), data('tz')).row()
    .text(t('channel-button-pushes', { state: onOff(channel.pushes) }), data('push'))
    .text(t('channel-button-previews', { state: onOff(channel.linkPreviews) }), data('prev'))
    .text(t('channel-button-silent', { state: onOff(channel.silent) }), data('silent'))
    .row()
    .text(t('channel-button-back'), CHANNEL_LIST_DATA)
  return { text, keyboard }
}

/** The channels as buttons, one a row; ⏸ on those not receiving digests. */
export function channelListKeyboard(channels: Chat[]): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const channel of channels)
    keyboard.text(`${channel.state === 'active' ? '' : '⏸ '}${channel.title ?? channel.id}`, channelData(channel.id, 'open')).row()
  return keyboard
}

export function hoursKeyboard(id: number, done: { text: string, data: string }): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (let hour = 0; hour < 24; hour++) {
    keyboard.text(String(hour).padStart(2, '0'), channelData(id, `h:${hour}`))
    if (hour % 6 === 5)
      keyboard.row()
  }
  return keyboard.text(done.text, done.data)
}

export function minutesKeyboard(id: number, hour: number, done: { text: string, data: string }): InlineKeyboard {
  const hh = String(hour).padStart(2, '0')
  const keyboard = new InlineKeyboard()
  for (const mm of ['00', '15', '30', '45'])
    keyboard.text(`${hh}:${mm}`, channelData(id, `m:${hh}${mm}`))
  return keyboard.row().text(done.text, done.data)
}

export function zonesKeyboard(id: number, done: { text: string, data: string }): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  COMMON_TIME_ZONES.forEach((zone, i) => {
    keyboard.text(zone, channelData(id, `z:${i}`))
    if (i % 2 === 1)
      keyboard.row()
  })
  return keyboard.row().text(done.text, done.data)
}
