import type { ProblemCode } from '@nudge/schema';
import * as advertising from './sections/advertising.ts';
import * as build from './sections/build.ts';
import * as compose from './sections/compose.ts';
import * as document from './sections/document.ts';
import * as forms from './sections/forms.ts';
import * as logic from './sections/logic.ts';
import * as panel from './sections/panel.ts';
import * as preview from './sections/preview.ts';
import * as settings from './sections/settings.ts';
import * as simulate from './sections/simulate.ts';
import * as templates from './sections/templates.ts';

/**
 * English UI text. `ko.ts` must have exactly these keys (the type and a test check it).
 * Plural keys come in `_one`/`_other` pairs; Korean has no plural forms and repeats the text.
 */
export const en = {
  app: {
    name: 'Nudge',
    untitled: 'No sequence open',
    fileLabel: 'File: {{name}}',
  },
  toolbar: {
    label: 'Sequence actions',
    openFile: 'Open file',
    examples: 'Examples',
    language: 'Language',
  },
  language: {
    en: 'EN',
    ko: '한국어',
  },
  empty: {
    title: 'Open a sequence',
    body: 'Choose a sequence file (.json), drop it anywhere on this page, or start from an example.',
  },
  drop: {
    hint: 'Drop the sequence file to open it',
  },
  load: {
    notJson: 'This file is not valid JSON (line {{line}}, column {{column}}): {{detail}}.',
    unexpectedChar: 'unexpected {{char}}',
    unexpectedEnd: 'the file ends too early',
    tooLarge: 'This file is {{size}}; Nudge opens sequence files of up to {{limit}}.',
    mib: '{{value}} MiB',
    bytes: '{{value}} bytes',
    limitInBytes: '{{limit}} ({{bytes}})',
    unreadable: 'The file could not be read.',
    notText: 'The file is not text in UTF-8 (or UTF-16 with a byte order mark): save it as UTF-8.',
  },
  notDrawn: {
    too_many_nodes: 'This sequence has {{total}} steps, more than the {{limit}} Nudge reads.',
    too_many_edges: 'This sequence has {{total}} links, more than the {{limit}} Nudge reads.',
    too_many_properties:
      'Somewhere in this file an object has more than {{limit}} properties, more than Nudge reads.',
    too_many_values:
      'This file holds more than {{limit}} values (objects, lists, texts, numbers), more than Nudge reads.',
    too_deep: 'This file nests deeper than {{limit}} levels, more than Nudge reads.',
    seeProblems: 'Nudge read it no further, so the canvas does not draw it.',
    nothing: 'Nothing to draw',
    notASequence:
      'This file is JSON, but not a sequence: the problems panel says what Nudge found instead.',
  },
  canvas: {
    label: 'Sequence canvas',
    tidyUp: 'Tidy up',
    tidyUpHint: 'Lay out every step again from top to bottom',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fitView: 'Fit view',
    controls: 'Canvas controls',
    minimap: 'Overview',
    showMinimap: 'Show the overview',
    hideMinimap: 'Hide the overview',
    stepHint: 'Press Enter or Space to select a step.',
    linkHint: 'Press Enter or Space to select a link.',
    handle: 'Handle',
    failed:
      'The canvas could not draw this sequence. The problems panel still lists what is wrong with the file.',
  },
  problems: {
    title: 'Problems',
    errors_one: '{{count}} error',
    errors_other: '{{count}} errors',
    warnings_one: '{{count}} warning',
    warnings_other: '{{count}} warnings',
    none: 'No problems',
    noneHint: 'This sequence is valid.',
    nothingOpen: 'Open a sequence to check it.',
    error: 'Error',
    warning: 'Warning',
    node: 'step {{id}}',
    edge: 'link {{id}}',
    file: 'whole file',
    fileProblem: 'File',
    /** A title per problem code, shown above the validator's (English) message. */
    codes: {
      not_an_object: 'The file is not a JSON object',
      unsupported_format: 'Unsupported format version',
      too_deep: 'Nested too deeply',
      too_many_nodes: 'Too many steps',
      too_many_edges: 'Too many links',
      too_many_properties: 'Too many properties in one object',
      too_many_values: 'Too many values in the file',
      too_many_problems: 'More problems than are listed',
      invalid_text: "Text that can't be stored (NUL or broken character)",
      missing_property: 'Missing property',
      unknown_property: 'Unknown property',
      invalid_type: 'Wrong type of value',
      invalid_value: 'Value not allowed here',
      invalid_timezone: 'Unknown time zone',
      invalid_rule: 'Invalid rule',
      rule_too_deep: 'Rule nested too deeply',
      rule_too_large: 'Rule too large',
      template_too_large: 'Template too large',
      entry_missing: 'No entry step',
      entry_multiple: 'More than one entry step',
      edge_into_entry: 'Link into the entry step',
      unknown_source: 'Link from a missing step',
      unknown_target: 'Link to a missing step',
      duplicate_node_id: 'Step id used twice',
      duplicate_edge_id: 'Link id used twice',
      duplicate_branch_id: 'Branch id used twice',
      unknown_handle: "Link from a handle the step doesn't have",
      handle_multiple_edges: 'Two links from one handle',
      cycle: 'Loop back to an earlier step',
      unreachable: "Step that can't be reached",
      unknown_node_ref: 'Rule names a missing step',
      invalid_node_ref: 'Rule names a step that sends nothing',
      schedule_empty_window: 'Send window ends before it starts',
      liquid_syntax: 'Template syntax error',
      template_too_costly: 'Template could take too long to render',
      thread_without_email: 'Reply with no earlier email',
      unconnected_handle: 'Branch leads nowhere',
      unknown_variable: 'Unknown merge variable',
      variable_without_default: 'Starts or ends with a variable that has no default',
      split_weights: "Split weights don't add up to 100",
      ad_label_missing: 'Advertising message without (광고)',
      ad_unsubscribe_missing: 'Advertising email without a way to unsubscribe',
      ad_sender_missing: 'Advertising email without a sender',
      ad_opt_out_missing: 'Advertising text without a free opt-out',
      ad_alimtalk: 'AlimTalk used for advertising',
    } satisfies Record<ProblemCode, string>,
    /**
     * The language of the validator's messages (@nudge/schema problem-messages) that the
     * problems are shown in: their details, made from each problem's params.
     */
    language: 'en',
  },
  step: {
    types: {
      entry: 'Entry',
      email: 'Email',
      sms: 'SMS',
      kakao: 'AlimTalk',
      task: 'Task',
      delay: 'Delay',
      condition: 'Condition',
      wait_for: 'Wait for',
      split: 'A/B split',
      update_contact: 'Update contact',
      exit: 'Exit',
      unknown: 'Unknown step',
    },
    errors_one: '{{count}} error',
    errors_other: '{{count}} errors',
    warnings_one: '{{count}} warning',
    warnings_other: '{{count}} warnings',
    handles: {
      yes: 'Yes',
      no: 'No',
      met: 'Met',
      timeout: 'Timeout',
      branch: '{{id}} · {{weight}}%',
      none: 'no handle',
      strayHint: 'this step has no such handle',
    },
  },
  units: {
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
    hours_one: '{{count}} hour',
    hours_other: '{{count}} hours',
    days_one: '{{count}} day',
    days_other: '{{count}} days',
    weeks_one: '{{count}} week',
    weeks_other: '{{count}} weeks',
    businessDays_one: '{{count}} business day',
    businessDays_other: '{{count}} business days',
  },
  summary: {
    unknownType: 'Type “{{type}}” is not a step Nudge knows',
    noData: 'No settings',
    trigger: {
      manual: 'Enrolled by a person or the API',
      event: 'When event {{name}} is recorded',
      segment: 'When joining segment {{segment}}',
      where: '{{trigger}}, if {{rule}}',
    },
    email: {
      threaded: 'Reply in the thread of the last email',
      manual: 'Sent by a person (creates a task)',
    },
    kakao: {
      template: 'Template {{code}}',
      buttons_one: '{{count}} button',
      buttons_other: '{{count}} buttons',
    },
    task: {
      kinds: {
        call: 'Call',
        todo: 'To-do',
        manual_email: 'Manual email',
        other: 'Task',
      },
      title: '{{kind}}: {{title}}',
      waits: 'Waits until done',
    },
    delay: {
      before_one: '{{count}} day before {{field}}',
      before_other: '{{count}} days before {{field}}',
      after_one: '{{count}} day after {{field}}',
      after_other: '{{count}} days after {{field}}',
      on: 'On {{field}}',
      at: '{{when}} at {{time}}',
      ifPastExit: 'Exits if that time has passed',
    },
    waitFor: {
      timeout: 'Times out after {{duration}}',
    },
    split: {
      branch: '{{id}} {{weight}}%',
    },
    update: {
      set: '{{field}} → {{value}}',
      addTags: 'Add tags: {{tags}}',
      removeTags: 'Remove tags: {{tags}}',
    },
    exit: {
      completed: 'Ends as completed',
      converted: 'Ends as converted',
    },
  },
  rule: {
    and: ' and ',
    or: ' or ',
    not: 'not ({{rule}})',
    ops: {
      eq: '{{field}} = {{value}}',
      neq: '{{field}} ≠ {{value}}',
      contains: '{{field}} contains {{value}}',
      in: '{{field}} is one of {{value}}',
      exists: '{{field}} is set',
      gt: '{{field}} > {{value}}',
      gte: '{{field}} ≥ {{value}}',
      lt: '{{field}} < {{value}}',
      lte: '{{field}} ≤ {{value}}',
    },
    events: {
      delivered: 'delivered',
      opened: 'opened',
      clicked: 'clicked',
      replied: 'replied',
      bounced: 'bounced',
    },
    event: '{{event}}',
    eventAt: '{{event}} {{node}}',
    custom: 'event {{name}}',
  },
  outbox: {
    open: 'Outbox',
    openHint: 'Mail that Nudge captured instead of sending',
    title: 'Outbox',
    close: 'Close',
    intro:
      'Without SMTP_URL, Nudge sends no mail: it keeps each message here instead, as it would have gone out.',
    list: 'Captured mail',
    loading: 'Loading…',
    empty: 'No captured mail yet.',
    emptyHint:
      'Enroll a contact in a published sequence: its emails appear here as the worker sends them. With SMTP_URL set, mail goes out and nothing is captured.',
    failed: 'The outbox could not be loaded: {{reason}}',
    retry: 'Try again',
    refresh: 'Refresh',
    more: 'Show older mail',
    pick: 'Choose a message to read it.',
    noSubject: '(no subject)',
    from: 'From',
    to: 'To',
    cc: 'Cc',
    sentAt: 'Sent',
    step: 'Step',
    stepIn: '{{node}} in {{sequence}}',
    body: 'Body',
    html: 'HTML',
    text: 'Text',
    htmlFrame: 'The HTML body of the message',
    noHtml: 'This message has no HTML part.',
    noText: 'This message has no text part.',
    blocked_one:
      '{{count}} remote image is not shown: loading it would count as an open of the message.',
    blocked_other:
      '{{count}} remote images are not shown: loading them would count as an open of the message.',
    linksInert: 'Links are not followed here.',
    source: 'Source',
    sourceLoading: 'Loading the message source…',
    sourceNotAllowed:
      'A viewer’s token does not show the message source: it holds the recipient’s signed tracking and unsubscribe links, which act for them. An editor’s or an admin’s token shows it.',
    sourceFailed: 'The source could not be loaded: {{reason}}',
    redacted_one:
      '{{count}} signed link (tracking or unsubscribe) is hidden: a viewer’s token does not show them.',
    redacted_other:
      '{{count}} signed links (tracking and unsubscribe) are hidden: a viewer’s token does not show them.',
    token: {
      title: 'Enter an API token',
      explain:
        'The outbox is read through the API, which needs a token. Start Nudge with NUDGE_BOOTSTRAP_TOKEN set (for example NUDGE_BOOTSTRAP_TOKEN=change-me pnpm start): it creates an admin token with that value. Any token of the workspace works, a viewer’s too.',
      label: 'API token',
      submit: 'Open the outbox',
      kept: 'The token is kept in this browser until you forget it.',
      refused: 'That token was refused (unknown or revoked). Enter another.',
      forget: 'Forget token',
    },
  },
  build: build.en,
  forms: forms.en,
  logic: logic.en,
  settings: settings.en,
  advertising: advertising.en,
  panel: panel.en,
  compose: compose.en,
  simulate: simulate.en,
  templates: templates.en,
  preview: preview.en,
  document: document.en,
};

export type Resources = typeof en;
