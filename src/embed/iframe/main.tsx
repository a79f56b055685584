// Entry of embed.html: options from the URL, no app chrome.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { readEmbedOptions } from '../options'
import { frameId, openHostInbox } from './hostLink'
import { IframeEmbed } from './IframeEmbed'
import { embedParams } from './urlOptions'
import './embed.css'

const read = embedParams(window.location)
const id = frameId(read('id'))
// Listen before React starts: a host may send commands as soon as the frame's load event fires.
const inbox = openHostInbox(id)
const { options, problems } = readEmbedOptions(read)
const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <IframeEmbed options={options} problems={problems} id={id} inbox={inbox} />
    </StrictMode>,
  )
}
