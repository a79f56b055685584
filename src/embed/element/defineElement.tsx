import { createRoot } from 'react-dom/client'
import type { Root } from 'react-dom/client'
import { EMBED_ATTRIBUTES, readEmbedOptions } from '../options'
import { ElementEmbed } from './ElementEmbed'
import { adoptStyles } from '../adoptStyles'

/**
 * `<lambda-models scenario controls theme step autoplay height>`: a React root in an open shadow
 * root, re-rendered when an attribute changes, unmounted when the element leaves the page. Each
 * element owns its root and its store, so several on one page are independent.
 */
export function createElementClass(): CustomElementConstructor {
  return class LambdaModelsElement extends HTMLElement {
    static get observedAttributes(): readonly string[] {
      return EMBED_ATTRIBUTES
    }

    private root: Root | null = null
    private mount: HTMLDivElement | null = null
    private queued = false

    connectedCallback(): void {
      if (!this.mount) {
        const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' })
        this.mount = document.createElement('div')
        adoptStyles(shadow)
        shadow.append(this.mount)
      }
      this.root ??= createRoot(this.mount)
      this.render()
    }

    disconnectedCallback(): void {
      const root = this.root
      this.root = null
      root?.unmount()
    }

    attributeChangedCallback(): void {
      // Several attributes set in a row become one render.
      if (!this.root || this.queued) return
      this.queued = true
      queueMicrotask(() => {
        this.queued = false
        this.render()
      })
    }

    private render(): void {
      if (!this.root) return
      const read = readEmbedOptions((name) => this.getAttribute(name))
      this.root.render(<ElementEmbed read={read} />)
    }
  }
}

/** Registers the element once per registry (a page may load the script twice). */
export function defineLambdaModels(name = 'lambda-models', registry: CustomElementRegistry = customElements): void {
  if (!registry.get(name)) registry.define(name, createElementClass())
}
