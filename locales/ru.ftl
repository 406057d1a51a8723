## Commands (descriptions shown in Telegram's command menu)

start =
    .description = Начать: зарегистрировать этот чат
help =
    .description = Что умеет бот
latest =
    .description = Самые свежие новости

## Welcome

start-greeting =
    Здравствуйте, { $name }! Я превращаю новости о Казахстане, Афганистане и их соседях в короткие дайджесты на русском и английском.

    /latest покажет свежие новости, /help — всё, что я умею.
start-greeting-group =
    Здравствуйте! Я буду присылать в этот чат короткие дайджесты новостей. /latest покажет свежие новости, /help — всё, что я умею.

## Help

help-text =
    <b>Бот новостных дайджестов</b>

    /latest — самые свежие новости
    /start — зарегистрировать этот чат
    /help — это сообщение

    Я читаю новости на русском и английском; язык общения выбирается по языку вашего Telegram.

## Latest

latest-title = <b>Свежие новости</b>
latest-empty = Новостей пока нет. Загляните позже.
latest-date-unknown = дата неизвестна
latest-language-en = EN
latest-language-ru = RU

## Errors and unhandled input

error-generic = Простите, у меня что-то сломалось. Попробуйте ещё раз через минуту.
unhandled-command = Такой команды я не знаю. /help — список команд.
unhandled-message = Я понимаю только команды. /help — список команд.

## Console mode

console-started = Консольный режим: BOT_TOKEN не задан, поэтому каждая введённая строка — сообщение боту от локального администратора, а ответы печатаются здесь. Попробуйте /start, /help или /latest.
