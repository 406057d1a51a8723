## Commands (descriptions shown in Telegram's command menu)

start =
    .description = Start: register this chat
help =
    .description = What this bot can do
latest =
    .description = The newest news items

## Welcome

start-greeting =
    Hello, { $name }! I turn news about Kazakhstan, Afghanistan and their neighbours into short digests in English and Russian.

    /latest shows the newest items, /help lists everything I can do.
start-greeting-group =
    Hello! I will post short news digests in this chat. /latest shows the newest items, /help lists everything I can do.

## Help

help-text =
    <b>News digest bot</b>

    /latest: the newest news items
    /start: register this chat
    /help: this message

    I read news in English and Russian; your Telegram language decides which one I speak.

## Latest

latest-title = <b>Latest news</b>
latest-empty = There is no news yet. Try again later.
latest-date-unknown = date unknown
latest-language-en = EN
latest-language-ru = RU

## Errors and unhandled input

error-generic = Sorry, something went wrong on my side. Please try again in a minute.
unhandled-command = I do not know that command. /help lists the ones I understand.
unhandled-message = I understand commands only. /help lists them.

## Console mode

console-started = Console mode: BOT_TOKEN is not set, so each line you type is a message to the bot from a local admin, and the replies are printed here. Try /start, /help or /latest.
