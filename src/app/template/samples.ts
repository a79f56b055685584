// Sample templates for "pick one": the importer's own fixtures, loaded with the panel only.
import apiLambda from '../../templates/fixtures/api-lambda.yaml?raw'
import asyncDestinations from '../../templates/fixtures/async-destinations.yaml?raw'
import misconfigured from '../../templates/fixtures/misconfigured.yaml?raw'
import sqsLambda from '../../templates/fixtures/sqs-lambda.yaml?raw'
import kinesisLambda from '../../templates/fixtures/kinesis-lambda.yaml?raw'

export const SAMPLES: readonly { readonly id: string; readonly label: string; readonly text: string }[] = [
  { id: 'misconfigured', label: 'A template with mistakes (SQS)', text: misconfigured },
  { id: 'sqs', label: 'SQS queue → function, partial batch responses', text: sqsLambda },
  { id: 'api', label: 'API Gateway → function', text: apiLambda },
  { id: 'async', label: 'SNS / EventBridge → function with destinations', text: asyncDestinations },
  { id: 'kinesis', label: 'Kinesis stream → function', text: kinesisLambda },
]
