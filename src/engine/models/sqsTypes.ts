/** SQS (standard and FIFO) event source mapping state (filled in by models/sqs*.ts). */
export interface SqsModelState {
  readonly placeholder?: never
}
