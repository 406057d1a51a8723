## Commands (descriptions shown in Telegram's command menu)

start =
    .description = Start, or resume paused digests
help =
    .description = What this bot can do
latest =
    .description = The newest news: /latest [1-20]
topic =
    .description = News on one topic: /topic kazakhstan
topics =
    .description = Choose your topics
subscribe =
    .description = Subscribe to a topic
unsubscribe =
    .description = Unsubscribe from a topic, or all
subscriptions =
    .description = Your topics and digest settings
digest =
    .description = Your digest as it would come now
search =
    .description = Search the archive
lang =
    .description = Digest language: en, ru or both
time =
    .description = Daily digest time, HH:MM
tz =
    .description = Your time zone, e.g. Asia/Almaty
mute =
    .description = Hide news containing a word: /mute football
unmute =
    .description = Show a muted word again, or all
muted =
    .description = Your muted words
previews =
    .description = Link previews in digests: on or off
silent =
    .description = Digests without a sound: on or off
stop =
    .description = Pause the daily digest
here =
    .description = Forum groups: send a topic to this thread
post =
    .description = Admin: post a new article
cancel =
    .description = Admin: leave the current step
delete =
    .description = Admin: delete an article by its id
stats =
    .description = Admin: statistics
channel =
    .description = Admin: connect a channel: /channel add @name
channels =
    .description = Admin: your channels and their settings

## Languages

language-en = English
language-ru = Russian
language-both = English and Russian

## Welcome

start-greeting =
    Hello, { $name }! I turn news about Kazakhstan, Afghanistan and their neighbours into short digests in English and Russian.

    Choose the topics you want in your daily digest below, or try /latest. /help lists everything I can do.
start-greeting-group =
    Hello! I will post short news digests in this chat. Group admins choose the topics below; /help lists everything I can do.
start-resumed = Welcome back! Your daily digest is on again, with your earlier settings.
stop-done = Daily digests are paused; your topics and settings are kept. /start resumes them.
stop-already = Daily digests are already paused. /start resumes them.

## Help

help-text =
    <b>News digest bot</b>

    <b>Reading</b>
    /latest [n]: the n newest items (5 unless you say, up to 20)
    /topic &lt;name&gt;: the newest items on one topic, e.g. /topic kazakhstan or /topic Казахстан
    /search &lt;words&gt;: search the archive in English and Russian
    /digest: your digest as it would come now

    <b>Your digest</b>
    /topics: choose topics with buttons
    /subscribe &lt;topic&gt;, /unsubscribe &lt;topic|all&gt;, /subscriptions
    /lang en|ru|both: digest language
    /time HH:MM and /tz &lt;zone or city&gt;: when the daily digest comes
    /mute &lt;word or phrase&gt;, /unmute &lt;word|all&gt;, /muted: hide stories containing a word
    /previews on|off: link previews in digests; /silent on|off: digests without a sound
    /stop pauses it, /start resumes it.

    In groups, only the group's admins change these settings. In a forum group, /here &lt;topic&gt; inside a topic thread sends that topic's news there (/here all: everything else).

    <b>Sharing</b>
    Type @{ $bot } and a topic or words in any chat to send news there; each item's Share link sends it on.
help-admin =
    <b>Admins</b>
    /post: add an article (text, link or forwarded message), preview and publish it
    /cancel: leave the current step
    /delete &lt;id&gt;: delete an article
    /stats: statistics
    /addsource &lt;address&gt;, /sources, /removesource &lt;id&gt;: news feeds the bot follows by itself
    /channel add @name (or forward me a post of the channel): connect a channel where I am an admin allowed to post
    /channels: your channels and their settings

## Items

item-mark = { $language }:
item-only-in = Only in { $language }:
item-read-more = Read the article

## Items: undated articles

# the day an article without a stated date was added, e.g. "added 6 Dec"
item-added = added { $date }

## Stories

story-also = <i>also:</i> { $outlets }

## Latest

latest-title = <b>Latest news</b>
latest-empty = There is no news yet. Try again later.
latest-more = More
latest-bad-count = Please give a number from 1 to 20, e.g. /latest 10.
latest-no-more = That was everything.

## Topics

topics-choose = Tap a topic to subscribe or unsubscribe. ✅ marks your topics.
topics-done = Done
topic-usage = Which topic? For example /topic kazakhstan or /topic Казахстан. /topics lists them all.
topic-unknown = I do not know the topic “{ $name }”. Did you mean: { $suggestions }? /topics lists them all.
topic-title = <b>{ $topic }</b>: latest news
topic-empty = No news on { $topic } yet.
subscribe-usage = Which topic? For example /subscribe kazakhstan. /topics shows them all as buttons.
subscribe-done = Subscribed to { $topic }.
subscribe-already = You are already subscribed to { $topic }.
unsubscribe-usage = Which topic? For example /unsubscribe kazakhstan, or /unsubscribe all.
unsubscribe-done = Unsubscribed from { $topic }.
unsubscribe-not = You were not subscribed to { $topic }.
unsubscribe-all-done = Unsubscribed from all topics ({ $count }).
subscriptions-text =
    <b>Your digest</b>
    Topics: { $topics }
    Daily at { $time } ({ $zone })
    Language: { $language }
    Link previews: { $previews } · Without sound: { $silent }
    Status: { $state }
subscriptions-none = none yet: /topics
state-active = on
state-paused = paused (/start resumes)
state-blocked = blocked

## Settings

lang-usage = Choose the digest language: /lang en, /lang ru or /lang both.
lang-done = Digest language: { $language }.
time-usage = Give the time as HH:MM in 24-hour form, e.g. /time 08:30.
time-done = Your daily digest will come at { $time } ({ $zone }).
tz-usage = Give a time zone such as Asia/Almaty or a city such as Almaty, Moscow or Kabul: /tz Almaty.
tz-unknown = I do not know the time zone “{ $zone }”. Use a name like Asia/Almaty or Europe/Moscow, or a city such as Almaty, Moscow or Kabul.
tz-done = Time zone: { $zone } (it is { $now } there now).
settings-admins-only = In groups, only the group's admins can change these settings.
argument-too-long = That is too long: at most { $max } characters, please.

## Muted words

mute-usage = Which word or phrase should I hide? For example /mute football. Stories whose title or summary contain it (in any word form, in English or Russian) no longer show in your digest, /latest or /topic.
mute-done = Muted “{ $word }”: stories containing it are hidden here. /muted lists your muted words, /unmute { $word } shows them again.
mute-already = “{ $word }” is muted already.
mute-full = You have { $max } muted words, the most there can be: /unmute one first.
mute-too-long = That is too long to mute: at most { $max } characters.
mute-no-words = There is no word to mute in that: use letters or digits.
unmute-usage = Which word should I show again? /unmute football, or /unmute all.
unmute-done = “{ $word }” is no longer muted.
unmute-not = “{ $word }” was not muted. /muted lists your muted words.
unmute-all-done = { $count ->
    [0] You had no muted words.
    [one] Your muted word is gone.
   *[other] All { $count } muted words are gone.
}
muted-none = You have no muted words. /mute followed by a word hides stories containing it.
muted-list = Muted here ({ $count } of { $max }):
    { $words }

## Search

search-usage = What should I look for? For example /search Taliban or /search талибы.
search-title = <b>Search</b>: { $query }
search-empty = Nothing found for “{ $query }”.

## Digest

digest-title = <b>Your news digest</b>
digest-no-topics = You have no topics yet: choose them with /topics.
digest-nothing-new = Nothing new on your topics since your last digest.
digest-more = …and { $count } more: /latest

## Delivery

breaking-title = <b>Breaking news</b>

## Admin

admin-only = Sorry, only the bot's admins can do that.
delete-usage = Give the article's id, e.g. /delete 12.
delete-done = Article #{ $id } is deleted: it no longer appears anywhere.
delete-missing = There is no article #{ $id }, or it is already deleted.
stats-text =
    <b>Statistics</b>
    Articles: { $en } English, { $ru } Russian
    Chats: { $active } active, { $paused } paused, { $blocked } blocked
    Deliveries in the last 24 h: { $sent } sent, { $failed } failed
    Subscribers per topic:
    { $topics }
    Breaking pushes, latest first:
    { $pushes }
stats-no-subscribers = nobody yet
stats-push = #{ $id } { $title }: reached { $sent } of { $total } chats, { $waiting } waiting, { $failed } failed or blocked
stats-no-pushes = none yet
cancel-done = Cancelled.
cancel-nothing = There is nothing to cancel.

## Sources

addsource =
    .description = Admin: follow a news feed (RSS, Atom, JSON Feed)
sources =
    .description = Admin: the feeds followed
removesource =
    .description = Admin: stop following a feed
sources-add-usage = Send a feed's address, or a site page that advertises its feed, e.g. /addsource https://outlet.example/
sources-add-checking = Checking { $url }…
sources-added =
    Following <b>{ $title }</b> as source #{ $id }: the feed lists { $items ->
        [one] one item
       *[other] { $items } items
    }. Its new articles (at most 30 and none older than 3 days on this first poll) will appear in /latest after the next poll.
sources-added-others = This page also advertises: { $feeds }. Send /addsource with one of them to follow it too.
sources-add-failed = Could not add { $url }: { $reason }.
sources-empty = No sources yet. Add one with /addsource followed by a feed's or a site's address.
sources-header = <b>Sources</b>: { $count }, page { $page } of { $pages }
sources-item =
    #{ $id } <b>{ $title }</b> · { $state }
    { $url }
    Last successful poll: { $success } · { $stored ->
        [one] one article stored
       *[other] { $stored } articles stored
    }, { $refused } refused
sources-item-error = Last error: { $error }
sources-never = never
sources-state-active = active
sources-state-paused = paused
sources-state-failing = failing
sources-button-pause = Pause #{ $id }
sources-button-resume = Resume #{ $id }
sources-button-remove = Remove #{ $id }
sources-button-previous = ‹ Previous
sources-button-next = Next ›
sources-paused = Source #{ $id } is paused.
sources-resumed = Source #{ $id } is active again: it is polled now.
sources-removed = Source #{ $id } ({ $title }) is removed: it is no longer polled; its articles stay.
sources-missing = There is no source #{ $id }, or it was removed. /sources lists them.
sources-remove-usage = Give the source's id, e.g. /removesource 3 (/sources lists them).
source-error-invalid-url = that is not a web address (http:// or https://)
source-error-malformed = the feed is not valid XML ({ $reason })
source-error-not-a-feed = that is not an RSS, Atom or JSON feed
source-error-too-complex = the feed is too complex to read in time (absurdly nested or huge)
source-error-no-feed-link = that page advertises no feed (no RSS, Atom or JSON Feed link in its head)
source-error-duplicate = this feed is already followed as source #{ $id } ({ $title })
source-error-internal = an error on my side ({ $reason })

## Post conversation

post-ask = Send me the article: paste its text, send a link, or forward a message. /cancel leaves.
post-processing = Reading it…
post-not-text = I need text, a link or a forwarded message. /cancel leaves.
post-rejected-language = I can only publish English and Russian articles; this one is in { $language }. Send another one, or /cancel.
post-rejected-empty = I could not find an article in that (only navigation, lists or headlines). Send another one, or /cancel.
post-rejected-fetch = I could not fetch that link: { $reason }. Send the text instead, or /cancel.
post-duplicate = This article is already published as #{ $id }: { $title }. Send another one, or /cancel.
post-preview-header = <b>Preview</b>: this is what subscribers will see.
post-preview-facts = Language: { $language } · Date: { $date } · Topics: { $topics }
post-no-date = none on the page (readers see the day it was added)
post-no-topics = none
post-button-push = Publish and push now
post-button-publish = Publish
post-button-title = Edit title
post-button-topics = Edit topics
post-button-summary-en = Edit English summary
post-button-summary-ru = Edit Russian summary
post-button-cancel = Cancel
post-ask-title = Send the new title (at most 100 characters).
post-ask-summary = Send the { $language } summary (at most 320 characters).
post-too-long = That is { $length } characters; at most { $max }, please. Try again.
post-empty = That is empty. Try again.
post-wrong-language = That does not look like { $language }. Try again.
post-pushed = Published as #{ $id } and queued for { $count } subscribed chats.
post-published = Published as #{ $id }.
post-cancelled = Cancelled: nothing was published.
post-use-buttons = Use the buttons under the preview, or /cancel.
post-private-only = /post works in a private chat with me: open it there and send /post.
post-expired = This /post has ended (it waited 30 minutes, or the bot's admins changed). Send /post to start again.

## Everywhere on Telegram: deep links, sharing, previews and sound

start-topic-done = Subscribed to { $topic }. Your topics are marked ✅ below; tap to change them.
start-topic-already = You are already subscribed to { $topic }. Your topics are marked ✅ below.
member-back-group = I am back, with this group's earlier topics and settings. Group admins can change the topics below.
item-share = Share
item-share-button = Send to a chat
switch-on = on
switch-off = off
previews-usage = Link previews in digests: /previews on or /previews off.
previews-on = Digests will show link previews.
previews-off = Digests will come without link previews.
silent-usage = Digests without a notification sound: /silent on or /silent off.
silent-on = Digests will come silently, without a notification sound.
silent-off = Digests will come with the usual notification sound.

## Everywhere on Telegram: forum threads

here-not-forum = /here works in forum groups, inside a topic thread: it sends that topic's news to that thread.
here-usage = Send it inside a topic thread: /here kazakhstan sends Kazakhstan news to this thread, /here all sends every other item here. In the General thread it sends them back to General.
here-topic-done = News on { $topic } will come to this thread.
here-topic-general = News on { $topic } will come to the General thread.
here-subscribed = The group is now subscribed to { $topic }.
here-all-done = News on topics without a thread of their own will come to this thread.
here-all-general = News on topics without a thread of their own will come to the General thread.
threads-text =
    Threads:
    { $routes }
threads-general = General
threads-thread = thread { $thread }
threads-rest = other topics → { $where }
thread-gone = The thread for { $topics } was deleted or closed, so its news comes to General now. A group admin can send /here &lt;topic&gt; in a thread to change that.
thread-gone-rest = other topics

## Everywhere on Telegram: channels

channel-private-only = Channels are managed in a private chat with me: open it and send /channels.
channel-usage =
    /channel add @name connects a channel (or forward me one of its posts). I must be an administrator there with the right to post messages.
    /channel time @name 08:30 and /channel tz @name Almaty set its digest time and time zone.
    /channels shows your channels and their settings.
channel-not-found = I cannot find the channel “{ $target }”. Use its @name, its t.me link or its id, and make sure I am one of its administrators.
channel-not-channel = “{ $target }” is not a channel.
channel-unknown = “{ $target }” is not connected, or you are not one of its administrators. /channel add { $target } connects it.
channel-bot-missing = I am not an administrator of { $title }. Add me as an administrator with the right to post messages, then try again.
channel-bot-cannot-post = I am an administrator of { $title } but may not post there. Give me the right “Post messages”, then try again.
channel-you-not-admin = Only administrators of { $title } can connect it, and you are not one of them.
channel-forward-hint = (To publish a forwarded post as an article, send /post first.)
channel-connected = { $title } is connected. It has settings of its own, below; choose its topics first.
channels-title = <b>Your channels</b>: tap one to change its settings.
channels-none = You have no channels here yet. Make me an administrator of your channel with the right to post messages, then send /channel add @name or forward me one of its posts.
channel-not-yours = Only administrators of that channel who are also the bot's admins can change it.
channel-panel =
    <b>{ $title }</b>
    Topics: { $topics }
    Daily at { $time } ({ $zone })
    Language: { $language }
    Breaking pushes: { $pushes }
    Link previews: { $previews }
    Without sound: { $silent }
    Status: { $state }
channel-no-topics = none yet
channel-state-blocked = I was removed from the channel: add me back as an administrator
channel-button-topics = Topics
channel-button-language = Language: { $language }
channel-button-time = Time: { $time }
channel-button-zone = Zone: { $zone }
channel-button-pushes = Pushes: { $state }
channel-button-previews = Previews: { $state }
channel-button-silent = Silent: { $state }
channel-button-back = « Channels
channel-button-done = Done
channel-topics = <b>{ $title }</b>: tap a topic to add or remove it. ✅ marks its topics.
channel-ask-hour = <b>{ $title }</b>: at what hour should its daily digest come?
channel-ask-minute = <b>{ $title }</b>: and at what minute?
channel-ask-zone = <b>{ $title }</b>: choose its time zone. Any other: /channel tz { $id } &lt;zone or city&gt;.

## Fetching links and processing pages

fetch-error-invalid-url = not a valid URL
fetch-error-not-allowed-scheme = only http and https links can be fetched, not { $scheme }
fetch-error-credentials = links with a user name or password are not fetched
fetch-error-private-address = { $kind ->
    [name] { $host } resolves to { $address }, a local or private address: such links are not fetched
   *[ip] { $address } is a local or private address: such links are not fetched
}
fetch-error-unknown-host = the host { $host } was not found
fetch-error-unreachable = could not connect ({ $reason })
fetch-error-timeout = no answer within { $seconds } s
fetch-error-http-status = the server answered HTTP { $statusLine }
fetch-error-redirects = more than { $max } redirects
fetch-error-bad-redirect = the server redirected to an invalid address ({ $location })
fetch-error-content-type = unsupported content type ({ $type })
fetch-error-too-large = the response is larger than { $megabytes } MB
fetch-error-download = the download failed ({ $reason })
post-rejected-too-complex = That page is too complex to process in time (absurdly nested or huge). Send its text instead, or /cancel.
post-rejected-too-long = That text is too long for an article (over { $max } characters). Send a shorter one, or /cancel.

## Errors and unhandled input

error-generic = Sorry, something went wrong on my side. Please try again in a minute.
error-formatting = (sent as plain text: the formatting could not be shown)
rate-limited = You are sending messages too fast; please wait a few seconds.
unhandled-command = I do not know that command. /help lists the ones I understand.
unhandled-message = I understand commands only. /help lists them.
unhandled-media = I read text commands only; /help lists them.
button-unknown = This button does not work (any more): send the command again.

## Console mode

console-started = Console mode: BOT_TOKEN is not set, so each line you type is a message to the bot from a local admin, and the replies are printed here. Try /start, /help or /latest.
