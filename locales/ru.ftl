## Commands (descriptions shown in Telegram's command menu)

start =
    .description = Начать или возобновить дайджест
help =
    .description = Что умеет бот
latest =
    .description = Свежие новости: /latest [1-20]
topic =
    .description = Новости по теме: /topic Казахстан
topics =
    .description = Выбрать темы
subscribe =
    .description = Подписаться на тему
unsubscribe =
    .description = Отписаться от темы или от всех
subscriptions =
    .description = Ваши темы и настройки дайджеста
digest =
    .description = Ваш дайджест, каким он был бы сейчас
search =
    .description = Поиск по архиву
lang =
    .description = Язык дайджеста: en, ru или both
time =
    .description = Время ежедневного дайджеста, ЧЧ:ММ
tz =
    .description = Часовой пояс, например Asia/Almaty
mute =
    .description = Скрывать новости со словом: /mute футбол
unmute =
    .description = Снова показывать слово или все
muted =
    .description = Ваши скрытые слова
previews =
    .description = Превью ссылок в дайджестах: on или off
silent =
    .description = Дайджесты без звука: on или off
stop =
    .description = Приостановить ежедневный дайджест
here =
    .description = Форумы: отправлять тему в эту ветку
post =
    .description = Админ: добавить статью
cancel =
    .description = Админ: выйти из текущего шага
delete =
    .description = Админ: удалить статью по номеру
stats =
    .description = Админ: статистика
channel =
    .description = Админ: подключить канал: /channel add @name
channels =
    .description = Админ: ваши каналы и их настройки

## Languages

language-en = английский
language-ru = русский
language-both = английский и русский

## Welcome

start-greeting =
    Здравствуйте, { $name }! Я превращаю новости о Казахстане, Афганистане и их соседях в короткие дайджесты на русском и английском.

    Выберите ниже темы для ежедневного дайджеста или попробуйте /latest. /help — всё, что я умею.
start-greeting-group =
    Здравствуйте! Я буду присылать в этот чат короткие дайджесты новостей. Темы ниже выбирают администраторы группы; /help — всё, что я умею.
start-resumed = С возвращением! Ежедневный дайджест снова включён, с прежними настройками.
stop-done = Ежедневный дайджест приостановлен; темы и настройки сохранены. /start возобновит его.
stop-already = Дайджест уже приостановлен. /start возобновит его.

## Help

help-text =
    <b>Бот новостных дайджестов</b>

    <b>Чтение</b>
    /latest [n] — n самых свежих новостей (по умолчанию 5, до 20)
    /topic &lt;тема&gt; — свежие новости по теме, например /topic Казахстан или /topic kazakhstan
    /search &lt;слова&gt; — поиск по архиву на русском и английском
    /digest — ваш дайджест, каким он был бы сейчас

    <b>Ваш дайджест</b>
    /topics — выбрать темы кнопками
    /subscribe &lt;тема&gt;, /unsubscribe &lt;тема|all&gt;, /subscriptions
    /lang en|ru|both — язык дайджеста
    /time ЧЧ:ММ и /tz &lt;пояс или город&gt; — когда приходит ежедневный дайджест
    /mute &lt;слово или фраза&gt;, /unmute &lt;слово|all&gt;, /muted — скрывать сюжеты с этим словом
    /previews on|off — превью ссылок в дайджестах; /silent on|off — дайджесты без звука
    /stop приостанавливает его, /start возобновляет.

    В группах эти настройки меняют только администраторы группы. В группе-форуме /here &lt;тема&gt; в ветке темы отправляет новости этой темы туда (/here all — всё остальное).

    <b>Поделиться</b>
    Наберите @{ $bot } и тему или слова в любом чате, чтобы отправить туда новости; ссылка «Поделиться» под каждой новостью пересылает её.
help-admin =
    <b>Администраторам</b>
    /post — добавить статью (текст, ссылка или пересланное сообщение), посмотреть и опубликовать
    /cancel — выйти из текущего шага
    /delete &lt;номер&gt; — удалить статью
    /stats — статистика
    /addsource &lt;адрес&gt;, /sources, /removesource &lt;номер&gt; — ленты новостей, которые бот читает сам
    /channel add @name (или перешлите мне пост канала) — подключить канал, где я администратор с правом публикации
    /channels — ваши каналы и их настройки

## Items

item-mark = { $language }:
item-only-in = Только на языке «{ $language }»:
item-read-more = Читать статью

## Items: undated articles

# день, когда добавлена статья без даты, например «добавлено 6 дек.»
item-added = добавлено { $date }

## Stories

story-also = <i>также:</i> { $outlets }

## Latest

latest-title = <b>Свежие новости</b>
latest-empty = Новостей пока нет. Загляните позже.
latest-more = Ещё
latest-bad-count = Укажите число от 1 до 20, например /latest 10.
latest-no-more = Это всё.

## Topics

topics-choose = Нажмите на тему, чтобы подписаться или отписаться. ✅ — ваши темы.
topics-done = Готово
topic-usage = Какая тема? Например /topic Казахстан или /topic kazakhstan. /topics — все темы.
topic-unknown = Я не знаю тему «{ $name }». Может быть: { $suggestions }? /topics — все темы.
topic-title = <b>{ $topic }</b>: свежие новости
topic-empty = Новостей по теме «{ $topic }» пока нет.
subscribe-usage = Какая тема? Например /subscribe Казахстан. /topics покажет все темы кнопками.
subscribe-done = Вы подписались на тему «{ $topic }».
subscribe-already = Вы уже подписаны на тему «{ $topic }».
unsubscribe-usage = Какая тема? Например /unsubscribe Казахстан или /unsubscribe all.
unsubscribe-done = Вы отписались от темы «{ $topic }».
unsubscribe-not = Вы не были подписаны на тему «{ $topic }».
unsubscribe-all-done = Вы отписались от всех тем ({ $count }).
subscriptions-text =
    <b>Ваш дайджест</b>
    Темы: { $topics }
    Ежедневно в { $time } ({ $zone })
    Язык: { $language }
    Превью ссылок: { $previews } · Без звука: { $silent }
    Статус: { $state }
subscriptions-none = пока нет: /topics
state-active = включён
state-paused = приостановлен (/start возобновит)
state-blocked = заблокирован

## Settings

lang-usage = Выберите язык дайджеста: /lang en, /lang ru или /lang both.
lang-done = Язык дайджеста: { $language }.
time-usage = Укажите время в формате ЧЧ:ММ (24 часа), например /time 08:30.
time-done = Ежедневный дайджест будет приходить в { $time } ({ $zone }).
tz-usage = Укажите часовой пояс, например Asia/Almaty, или город: Алматы, Москва, Кабул. Например /tz Алматы.
tz-unknown = Я не знаю часовой пояс «{ $zone }». Используйте название вида Asia/Almaty или Europe/Moscow или город: Алматы, Москва, Кабул.
tz-done = Часовой пояс: { $zone } (сейчас там { $now }).
settings-admins-only = В группах эти настройки меняют только администраторы группы.
argument-too-long = Слишком длинно: не больше { $max } символов, пожалуйста.

## Muted words

mute-usage = Какое слово или фразу скрывать? Например, /mute футбол. Сюжеты, в заголовке или кратком содержании которых оно есть (в любой форме, по-русски или по-английски), больше не появятся в дайджесте, /latest и /topic.
mute-done = «{ $word }» скрыто: сюжеты с ним здесь больше не показываются. /muted — список скрытых слов, /unmute { $word } — показывать снова.
mute-already = «{ $word }» уже скрыто.
mute-full = У вас уже { $max } скрытых слов — это предел. Сначала уберите одно: /unmute.
mute-too-long = Слишком длинно: не больше { $max } символов.
mute-no-words = Здесь нет слова, которое можно скрыть: нужны буквы или цифры.
unmute-usage = Какое слово снова показывать? /unmute футбол или /unmute all.
unmute-done = «{ $word }» больше не скрыто.
unmute-not = «{ $word }» не было скрыто. /muted — список скрытых слов.
unmute-all-done = { $count ->
    [0] Скрытых слов не было.
    [one] Скрытое слово убрано.
    [few] Все { $count } скрытых слова убраны.
   *[other] Все { $count } скрытых слов убраны.
}
muted-none = Скрытых слов нет. /mute и слово после него скрывает сюжеты, где оно встречается.
muted-list = Скрыто здесь ({ $count } из { $max }):
    { $words }

## Search

search-usage = Что искать? Например /search талибы или /search Taliban.
search-title = <b>Поиск</b>: { $query }
search-empty = По запросу «{ $query }» ничего не нашлось.

## Digest

digest-title = <b>Ваш дайджест новостей</b>
digest-no-topics = У вас пока нет тем: выберите их командой /topics.
digest-nothing-new = По вашим темам ничего нового с прошлого дайджеста.
digest-more = …и ещё { $count }: /latest

## Delivery

breaking-title = <b>Срочная новость</b>

## Admin

admin-only = Простите, это могут только администраторы бота.
delete-usage = Укажите номер статьи, например /delete 12.
delete-done = Статья #{ $id } удалена: она больше нигде не показывается.
delete-missing = Статьи #{ $id } нет, или она уже удалена.
stats-text =
    <b>Статистика</b>
    Статьи: { $en } на английском, { $ru } на русском
    Чаты: { $active } активных, { $paused } на паузе, { $blocked } заблокировано
    Доставки за 24 ч: { $sent } отправлено, { $failed } с ошибкой
    Подписчиков по темам:
    { $topics }
    Срочные рассылки, последние сверху:
    { $pushes }
stats-no-subscribers = пока никого
stats-push = #{ $id } { $title }: доставлено { $sent } из { $total }, ждут { $waiting }, не доставлено { $failed }
stats-no-pushes = пока не было
cancel-done = Отменено.
cancel-nothing = Отменять нечего.

## Sources

addsource =
    .description = Админ: подписаться на ленту новостей (RSS, Atom, JSON Feed)
sources =
    .description = Админ: ленты, на которые подписан бот
removesource =
    .description = Админ: отписаться от ленты
sources-add-usage = Пришлите адрес ленты или страницы сайта, которая на неё ссылается, например /addsource https://outlet.example/
sources-add-checking = Проверяю { $url }…
sources-added =
    Подписался на <b>{ $title }</b>, источник #{ $id }: в ленте { $items ->
        [one] { $items } запись
        [few] { $items } записи
       *[many] { $items } записей
    }. Её новые статьи (при первом опросе не больше 30 и не старше 3 дней) появятся в /latest после следующего опроса.
sources-added-others = Эта страница ссылается и на другие ленты: { $feeds }. Чтобы подписаться и на них, пришлите /addsource с одной из них.
sources-add-failed = Не удалось добавить { $url }: { $reason }.
sources-empty = Источников пока нет. Добавьте ленту: /addsource и адрес ленты или сайта.
sources-header = <b>Источники</b>: { $count }, страница { $page } из { $pages }
sources-item =
    #{ $id } <b>{ $title }</b> · { $state }
    { $url }
    Последний удачный опрос: { $success } · { $stored ->
        [one] сохранена { $stored } статья
        [few] сохранено { $stored } статьи
       *[many] сохранено { $stored } статей
    }, отклонено { $refused }
sources-item-error = Последняя ошибка: { $error }
sources-never = ни разу
sources-state-active = работает
sources-state-paused = на паузе
sources-state-failing = сбоит
sources-button-pause = Пауза #{ $id }
sources-button-resume = Возобновить #{ $id }
sources-button-remove = Удалить #{ $id }
sources-button-previous = ‹ Назад
sources-button-next = Дальше ›
sources-paused = Источник #{ $id } на паузе.
sources-resumed = Источник #{ $id } снова работает: опрашиваю его сейчас.
sources-removed = Источник #{ $id } ({ $title }) удалён: он больше не опрашивается, его статьи остаются.
sources-missing = Источника #{ $id } нет, или он удалён. Список — /sources.
sources-remove-usage = Укажите номер источника, например /removesource 3 (список — /sources).
source-error-invalid-url = это не веб-адрес (http:// или https://)
source-error-malformed = лента — не корректный XML ({ $reason })
source-error-not-a-feed = это не лента RSS, Atom или JSON Feed
source-error-too-complex = ленту не удалось прочитать за отведённое время (абсурдная вложенность или размер)
source-error-no-feed-link = эта страница не ссылается ни на одну ленту (в её заголовке нет ссылок на RSS, Atom или JSON Feed)
source-error-duplicate = на эту ленту бот уже подписан: источник #{ $id } ({ $title })
source-error-internal = ошибка на моей стороне ({ $reason })

## Post conversation

post-ask = Пришлите статью: вставьте текст, пришлите ссылку или перешлите сообщение. /cancel — выйти.
post-processing = Читаю…
post-not-text = Нужен текст, ссылка или пересланное сообщение. /cancel — выйти.
post-rejected-language = Я публикую только статьи на русском и английском, а эта — на языке «{ $language }». Пришлите другую или /cancel.
post-rejected-empty = Я не нашёл в этом статьи (только навигация, списки или заголовки). Пришлите другую или /cancel.
post-rejected-fetch = Не удалось загрузить ссылку: { $reason }. Пришлите текст или /cancel.
post-duplicate = Эта статья уже опубликована как #{ $id }: { $title }. Пришлите другую или /cancel.
post-preview-header = <b>Предпросмотр</b>: так её увидят подписчики.
post-preview-facts = Язык: { $language } · Дата: { $date } · Темы: { $topics }
post-no-date = на странице нет (читатели увидят день добавления)
post-no-topics = нет
post-button-push = Опубликовать и разослать
post-button-publish = Опубликовать
post-button-title = Изменить заголовок
post-button-topics = Изменить темы
post-button-summary-en = Изменить английское резюме
post-button-summary-ru = Изменить русское резюме
post-button-cancel = Отмена
post-ask-title = Пришлите новый заголовок (не больше 100 символов).
post-ask-summary = Пришлите резюме на языке «{ $language }» (не больше 320 символов).
post-too-long = Здесь { $length } символов, а можно не больше { $max }. Попробуйте ещё раз.
post-empty = Пусто. Попробуйте ещё раз.
post-wrong-language = Это не похоже на язык «{ $language }». Попробуйте ещё раз.
post-pushed = Опубликовано как #{ $id } и поставлено в рассылку для { $count } подписанных чатов.
post-published = Опубликовано как #{ $id }.
post-cancelled = Отменено: ничего не опубликовано.
post-use-buttons = Воспользуйтесь кнопками под предпросмотром или /cancel.
post-private-only = /post работает только в личном чате со мной: откройте его и отправьте /post там.
post-expired = Эта публикация уже закрыта (она ждала 30 минут или сменились администраторы бота). Отправьте /post, чтобы начать заново.

## Everywhere on Telegram: deep links, sharing, previews and sound

start-topic-done = Вы подписались на тему «{ $topic }». Ваши темы отмечены ✅ ниже; нажмите, чтобы изменить.
start-topic-already = Вы уже подписаны на тему «{ $topic }». Ваши темы отмечены ✅ ниже.
member-back-group = Я вернулся, с прежними темами и настройками группы. Администраторы группы могут изменить темы ниже.
item-share = Поделиться
item-share-button = Отправить в чат
switch-on = вкл.
switch-off = выкл.
previews-usage = Превью ссылок в дайджестах: /previews on или /previews off.
previews-on = Дайджесты будут приходить с превью ссылок.
previews-off = Дайджесты будут приходить без превью ссылок.
silent-usage = Дайджесты без звука уведомления: /silent on или /silent off.
silent-on = Дайджесты будут приходить беззвучно.
silent-off = Дайджесты будут приходить с обычным звуком уведомления.

## Everywhere on Telegram: forum threads

here-not-forum = /here работает в группах-форумах, внутри ветки темы: новости этой темы будут приходить в эту ветку.
here-usage = Отправьте её в ветке темы: /here Казахстан — новости о Казахстане будут приходить в эту ветку, /here all — все остальные новости сюда. В ветке General она возвращает их в General.
here-topic-done = Новости по теме «{ $topic }» будут приходить в эту ветку.
here-topic-general = Новости по теме «{ $topic }» будут приходить в ветку General.
here-subscribed = Группа подписана на тему «{ $topic }».
here-all-done = Новости по темам без своей ветки будут приходить в эту ветку.
here-all-general = Новости по темам без своей ветки будут приходить в ветку General.
threads-text =
    Ветки:
    { $routes }
threads-general = General
threads-thread = ветка { $thread }
threads-rest = остальные темы → { $where }
thread-gone = Ветка для тем { $topics } удалена или закрыта, поэтому их новости теперь приходят в General. Администратор группы может отправить /here &lt;тема&gt; в ветке, чтобы это изменить.
thread-gone-rest = остальные темы

## Everywhere on Telegram: channels

channel-private-only = Каналами управляют в личном чате со мной: откройте его и отправьте /channels.
channel-usage =
    /channel add @name подключает канал (или перешлите мне один из его постов). Я должен быть там администратором с правом публикации сообщений.
    /channel time @name 08:30 и /channel tz @name Алматы задают время и часовой пояс его дайджеста.
    /channels — ваши каналы и их настройки.
channel-not-found = Я не нахожу канал «{ $target }». Укажите его @имя, ссылку t.me или номер и проверьте, что я его администратор.
channel-not-channel = «{ $target }» — не канал.
channel-unknown = Канал «{ $target }» не подключён, или вы не его администратор. /channel add { $target } подключит его.
channel-bot-missing = Я не администратор канала «{ $title }». Добавьте меня администратором с правом публикации сообщений и попробуйте снова.
channel-bot-cannot-post = Я администратор канала «{ $title }», но не могу публиковать сообщения. Дайте мне право «Публикация сообщений» и попробуйте снова.
channel-you-not-admin = Подключить канал «{ $title }» могут только его администраторы, а вы не из их числа.
channel-forward-hint = (Чтобы опубликовать пересланный пост как статью, сначала отправьте /post.)
channel-connected = Канал «{ $title }» подключён. У него свои настройки, они ниже; сначала выберите его темы.
channels-title = <b>Ваши каналы</b>: нажмите на канал, чтобы изменить его настройки.
channels-none = У вас пока нет каналов. Сделайте меня администратором канала с правом публикации сообщений, затем отправьте /channel add @name или перешлите мне один из его постов.
channel-not-yours = Менять канал могут только его администраторы, которые также администраторы бота.
channel-panel =
    <b>{ $title }</b>
    Темы: { $topics }
    Ежедневно в { $time } ({ $zone })
    Язык: { $language }
    Срочные новости: { $pushes }
    Превью ссылок: { $previews }
    Без звука: { $silent }
    Статус: { $state }
channel-no-topics = пока нет
channel-state-blocked = меня удалили из канала: добавьте меня снова администратором
channel-button-topics = Темы
channel-button-language = Язык: { $language }
channel-button-time = Время: { $time }
channel-button-zone = Пояс: { $zone }
channel-button-pushes = Срочные: { $state }
channel-button-previews = Превью: { $state }
channel-button-silent = Без звука: { $state }
channel-button-back = « Каналы
channel-button-done = Готово
channel-topics = <b>{ $title }</b>: нажмите на тему, чтобы добавить или убрать её. ✅ — темы канала.
channel-ask-hour = <b>{ $title }</b>: в котором часу присылать ежедневный дайджест?
channel-ask-minute = <b>{ $title }</b>: а в какую минуту?
channel-ask-zone = <b>{ $title }</b>: выберите часовой пояс. Любой другой: /channel tz { $id } &lt;пояс или город&gt;.

## Fetching links and processing pages

fetch-error-invalid-url = это не ссылка
fetch-error-not-allowed-scheme = загружаются только ссылки http и https, а не { $scheme }
fetch-error-credentials = ссылки с именем пользователя или паролем не загружаются
fetch-error-private-address = { $kind ->
    [name] { $host } указывает на { $address } — локальный или частный адрес: такие ссылки не загружаются
   *[ip] { $address } — локальный или частный адрес: такие ссылки не загружаются
}
fetch-error-unknown-host = сервер { $host } не найден
fetch-error-unreachable = не удалось подключиться ({ $reason })
fetch-error-timeout = нет ответа за { $seconds } с
fetch-error-http-status = сервер ответил HTTP { $statusLine }
fetch-error-redirects = больше { $max } перенаправлений
fetch-error-bad-redirect = сервер перенаправил на неверный адрес ({ $location })
fetch-error-content-type = неподдерживаемый тип содержимого ({ $type })
fetch-error-too-large = ответ больше { $megabytes } МБ
fetch-error-download = загрузка прервалась ({ $reason })
post-rejected-too-complex = Эта страница слишком сложна, чтобы обработать её вовремя (чрезмерно вложенная или огромная). Пришлите её текст или /cancel.
post-rejected-too-long = Этот текст слишком длинный для статьи (больше { $max } символов). Пришлите покороче или /cancel.

## Errors and unhandled input

error-generic = Простите, у меня что-то сломалось. Попробуйте ещё раз через минуту.
error-formatting = (отправлено простым текстом: форматирование не удалось показать)
rate-limited = Вы пишете слишком быстро; подождите несколько секунд.
unhandled-command = Такой команды я не знаю. /help — список команд.
unhandled-message = Я понимаю только команды. /help — список команд.
unhandled-media = Я читаю только текстовые команды; /help — список команд.
button-unknown = Эта кнопка не работает (или устарела): отправьте команду ещё раз.

## Console mode

console-started = Консольный режим: BOT_TOKEN не задан, поэтому каждая введённая строка — сообщение боту от локального администратора, а ответы печатаются здесь. Попробуйте /start, /help или /latest.
