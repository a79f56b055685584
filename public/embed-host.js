// Optional helper for pages that embed Lambda Execution Models in iframes (embed.html). One line:
//   <script src="https://your.site/lambda/embed-host.js" defer></script>
// It sizes each embed frame to its content (the `height` message), tells frames with theme=auto the
// page's own light/dark switch (data-theme="dark|light" or class "dark" on <html>, as Docusaurus and
// VitePress set them; see src/embed/usePageTheme.ts) now and whenever it changes, and gives
// `window.lambdaModelsHost.send(frame, command)`, which holds commands until that frame is ready.
// It only ever posts the documented protocol messages, and only to frames that spoke it first.
;(function () {
  'use strict'
  if (window.lambdaModelsHost) return
  var PROTOCOL = 'lambda-models'
  /** frame window → { ready, queue } */
  var frames = new Map()

  // VitePress marks only dark mode: once the class has been seen, its absence means light.
  var sawDarkClass = false
  function pageTheme() {
    var html = document.documentElement
    var attr = html.getAttribute('data-theme')
    if (html.classList.contains('dark')) sawDarkClass = true
    if (attr === 'dark' || attr === 'light') return attr
    if (html.classList.contains('dark')) return 'dark'
    return sawDarkClass ? 'light' : null
  }

  function frameOf(win) {
    var all = document.querySelectorAll('iframe')
    for (var i = 0; i < all.length; i++) if (all[i].contentWindow === win) return all[i]
    return null
  }

  function entry(win) {
    var e = frames.get(win)
    if (!e) {
      e = { ready: false, queue: [] }
      frames.set(win, e)
    }
    return e
  }

  function post(win, message) {
    try {
      win.postMessage(message, '*')
    } catch (_) {
      // A frame that went away.
    }
  }

  window.addEventListener('message', function (e) {
    var m = e.data
    if (!m || typeof m !== 'object' || m.protocol !== PROTOCOL || !e.source) return
    var frame = frameOf(e.source)
    if (!frame) return
    if (m.type === 'height' && typeof m.height === 'number' && isFinite(m.height) && m.height >= 0) {
      frame.style.height = Math.min(Math.round(m.height), 100000) + 'px'
    } else if (m.type === 'ready') {
      var ent = entry(e.source)
      ent.ready = true
      post(e.source, { protocol: PROTOCOL, type: 'theme', theme: pageTheme() })
      var queued = ent.queue.splice(0)
      for (var i = 0; i < queued.length; i++) post(e.source, queued[i])
    }
  })

  new MutationObserver(function () {
    var theme = pageTheme()
    frames.forEach(function (ent, win) {
      if (ent.ready) post(win, { protocol: PROTOCOL, type: 'theme', theme: theme })
    })
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme'] })

  window.lambdaModelsHost = {
    /** Sends a command ({type:'play'}, {type:'seek', step: 4}, …) to an embed frame, once it is ready. */
    send: function (frame, command) {
      var win = frame && frame.contentWindow
      if (!win) return
      var message = Object.assign({ protocol: PROTOCOL }, command)
      var ent = entry(win)
      if (ent.ready) post(win, message)
      else ent.queue.push(message)
    },
  }
})()
