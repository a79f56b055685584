/** Kinesis / DynamoDB Streams event source mapping state (filled in by models/stream*.ts). */
export interface StreamModelState {
  readonly placeholder?: never
}
