import type { Lesson } from '../format'
import { T } from './terms'

const ASYNC = 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html'
const ERRORS = 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html'
const RECORDS = 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html'

export const ASYNC_LESSONS: readonly Lesson[] = [
  {
    format: 1,
    id: 'async-retries',
    title: 'Asynchronous: 202 now, retries later',
    goal: 'Explain what an asynchronous caller gets, and how and when Lambda retries a failing event.',
    model: 'async',
    level: 'first steps',
    minutes: 5,
    scenario: { preset: 'async-retries' },
    stops: [
      {
        id: 'accepted',
        title: 'S3 does not wait',
        text: 'A file lands in S3 and S3 invokes the function asynchronously. Lambda puts the event on its internal queue and answers 202 Accepted at once: S3 never learns what happens next.',
        terms: [T.async],
        docUrl: ASYNC,
        until: { type: 'accepted', event: 'upload-1' },
        look: 'upload-1 waiting in Lambda’s internal queue.',
      },
      {
        id: 'fails',
        title: 'The handler throws',
        text: 'A poller inside Lambda takes the event from the queue and runs the handler, which throws. Lambda will try again.',
        terms: [T.retryAttempts],
        docUrl: ERRORS,
        until: { type: 'functionError', event: 'upload-1' },
      },
      {
        id: 'wait',
        title: 'The first retry',
        text: 'Lambda waits before retrying a function error: about a minute before the first retry, about two minutes before the second (exactly 60 s and 120 s in this simulation). The first run ended at 0.42 s.',
        docUrl: ERRORS,
        until: { type: 'polled', event: 'upload-1', nth: 2 },
        question: {
          kind: 'number',
          prompt: 'At what time, in seconds, does the second run start?',
          unit: 's',
          answer: { attemptAt: 'upload-1', attempt: 2, in: 's' },
          why: 'One minute after the end of the failed run.',
        },
      },
      {
        id: 'all-runs',
        title: 'Every retry fails',
        text: 'The handler fails every time.',
        docUrl: ERRORS,
        until: { fact: 'asyncRetriesExhausted', event: 'upload-1' },
        question: {
          kind: 'number',
          prompt: 'With the default MaximumRetryAttempts, how many times does the handler run for upload-1 in all?',
          answer: { attempts: 'upload-1' },
          why: 'The first try plus MaximumRetryAttempts retries (2 by default): three runs.',
        },
      },
      {
        id: 'gives-up',
        title: 'Lambda gives up',
        text: 'After the last retry fails, Lambda gives up on the event and sends an invocation record, with condition RetriesExhausted, to the on-failure destination: an SQS queue here.',
        terms: [T.destination],
        docUrl: RECORDS,
        until: { end: true },
        question: {
          kind: 'choice',
          prompt: 'Where does upload-1 end?',
          choices: [
            { id: 'onFailure', label: 'The on-failure destination' },
            { id: 'dlq', label: 'A dead-letter queue' },
            { id: 'discarded', label: 'Nowhere: it is dropped' },
          ],
          answer: { wentTo: 'upload-1' },
          why: 'The function has an on-failure destination (SQS), so the record goes there. Without one (and without a DLQ) the event would be dropped.',
        },
        task: {
          prompt:
            'Make upload-1 end in the on-failure destination after exactly one retry. Change the setting below, then check.',
          knobs: ['async.maximumRetryAttempts'],
          check: {
            all: [
              { query: { attempts: 'upload-1' }, equals: 2 },
              { query: { wentTo: 'upload-1' }, equals: 'onFailure' },
            ],
          },
          hint: 'One retry means two runs in all. Which setting counts the retries?',
          solution: { async: { maximumRetryAttempts: 1 } },
          success: 'Two runs, then the record goes to the on-failure destination with approximateInvokeCount 2.',
        },
      },
    ],
  },
  {
    format: 1,
    id: 'async-event-age',
    title: 'Maximum event age: too old to try again',
    goal: 'Say how MaximumEventAgeInSeconds cuts retries short.',
    model: 'async',
    level: 'core',
    minutes: 3,
    scenario: { preset: 'async-retries', overrides: { async: { maximumEventAgeInSeconds: 90 } } },
    stops: [
      {
        id: 'age',
        title: 'An event may only be so old',
        text: 'Same failing upload, but now the event may stay in Lambda’s queue for at most 90 seconds. The first retry comes after a minute; the second would come two minutes after that.',
        terms: [T.eventAge],
        docUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html',
        until: { end: true },
        question: {
          kind: 'choice',
          prompt: 'The handler keeps failing. What condition does the on-failure record carry?',
          choices: [
            { id: 'RetriesExhausted', label: 'RetriesExhausted' },
            { id: 'EventAgeExceeded', label: 'EventAgeExceeded' },
          ],
          answer: { condition: 'upload-1' },
          why: 'The next retry would fall after the event is 90 s old, so the event is given up at 90 s without trying. AWS documents no name for this condition; the simulation uses EventAgeExceeded (the name in AWS’s emulator code).',
        },
      },
      {
        id: 'end',
        title: 'Given up by age',
        text: 'In this simulation the event leaves at its maximum age, before its retries are used up (AWS says an older event is discarded, not the exact moment).',
        docUrl: RECORDS,
        until: { end: true },
        question: {
          kind: 'number',
          prompt: 'How many times did the handler run?',
          answer: { attempts: 'upload-1' },
          why: 'The first try and the retry at about one minute; the second retry would have been after 90 s.',
        },
      },
    ],
  },
  {
    format: 1,
    id: 'async-destinations',
    title: 'Destinations: records of success and failure',
    goal: 'Say what reaches an on-success and an on-failure destination.',
    model: 'async',
    level: 'core',
    minutes: 4,
    scenario: { preset: 'async-on-success' },
    stops: [
      {
        id: 'setup',
        title: 'Two destinations',
        text: 'EventBridge sends five events. The function has an on-success destination (an SQS queue) and an on-failure one (another function), and MaximumRetryAttempts 1.',
        terms: [T.destination],
        docUrl: RECORDS,
        until: { type: 'succeeded', event: 'evt-3' },
        question: {
          kind: 'choice',
          prompt: 'evt-3 fails once, then succeeds on its retry. Where does its record go?',
          choices: [
            { id: 'onSuccess', label: 'On-success destination' },
            { id: 'onFailure', label: 'On-failure destination' },
            { id: 'nowhere', label: 'Nowhere' },
          ],
          answer: { wentTo: 'evt-3' },
          why: 'Only the final outcome counts: a retry that succeeds sends an on-success record.',
        },
      },
      {
        id: 'fail',
        title: 'A failure',
        text: 'evt-5 fails on every try.',
        docUrl: RECORDS,
        until: { end: true },
        question: {
          kind: 'choice',
          prompt: 'With what condition does evt-5’s record reach the on-failure destination?',
          choices: [
            { id: 'RetriesExhausted', label: 'RetriesExhausted' },
            { id: 'EventAgeExceeded', label: 'EventAgeExceeded' },
            { id: 'Success', label: 'Success' },
          ],
          answer: { condition: 'evt-5' },
          why: 'Its one retry failed too, so Lambda gave up with RetriesExhausted. Click evt-5 to read the record it sent.',
        },
      },
    ],
  },
]
