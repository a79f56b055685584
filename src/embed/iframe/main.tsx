// Entry of embed.html: options from the URL, no app chrome.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { readEmbedOptions } from '../options'
import { frameId } from './hostLink'
import { IframeEmbed } from './IframeEmbed'
import './embed.css'

const params = new URLSearchParams(window.location.search)
const { options, problems } = readEmbedOptions((name) => params.get(name))
const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <IframeEmbed options={options} problems={problems} id={frameId(params.get('id'))} />
    </StrictMode>,
  )
}
