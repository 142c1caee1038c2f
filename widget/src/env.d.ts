/** Path of the chat chunk relative to widget.js, e.g. `widget/chat-1a2b3c4d.js` (vite.config.ts). */
declare const __AUSKUNFT_CHAT_CHUNK__: string;
