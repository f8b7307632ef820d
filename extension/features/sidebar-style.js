/**
 * The sidebar's look, kept inside its Shadow DOM so Gmail's styles and ours never mix.
 * Gmail's own type (Google Sans / Roboto), calm greys, one accent colour, red only when late.
 */
export const SIDEBAR_CSS = `
:host { all: initial; }
:host([hidden]) { display: none !important; }
* { box-sizing: border-box; }
.panel {
  position: fixed; top: 72px; right: 16px; width: 344px; max-height: calc(100vh - 88px); z-index: 2147483000;
  display: flex; flex-direction: column;
  font: 400 14px/20px "Google Sans Text", "Google Sans", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1f1f1f; background: #fff; border-radius: 16px;
  box-shadow: 0 1px 3px rgba(60,64,67,.3), 0 4px 8px 3px rgba(60,64,67,.15);
  overflow: hidden;
}
.panel.collapsed { width: auto; border-radius: 20px; }
.bar { display: flex; align-items: center; gap: 8px; padding: 10px 8px 10px 16px; border-bottom: 1px solid #e3e3e3; }
.collapsed .bar { border-bottom: 0; padding: 6px 6px 6px 12px; }
.brand { font: 500 14px/20px "Google Sans", Roboto, Arial, sans-serif; color: #0b57d0; display: flex; align-items: center; gap: 8px; flex: 1; }
.brand .dot { width: 10px; height: 10px; border-radius: 50%; background: #0b57d0; }
.body { overflow-y: auto; padding: 16px; flex: 1 1 auto; min-height: 0; }
.collapsed .body { display: none; }
h1 { font: 400 18px/24px "Google Sans", Roboto, Arial, sans-serif; margin: 0 0 6px; color: #1f1f1f; overflow-wrap: anywhere; }
h2 { font: 500 11px/16px "Google Sans", Roboto, Arial, sans-serif; letter-spacing: .8px; text-transform: uppercase; color: #444746; margin: 0 0 8px; }
h3 { font: 500 12px/16px Roboto, Arial, sans-serif; color: #444746; margin: 12px 0 4px; }
p { margin: 0 0 8px; }
.muted { color: #5e5e5e; }
.chip { display: inline-block; padding: 2px 10px; border-radius: 8px; background: #e9eef6; color: #1f1f1f; font-size: 12px; line-height: 18px; }
.chip.state { background: #e8f0fe; color: #0b57d0; }
.card { margin: 16px 0; padding: 14px 14px 12px; border-radius: 12px; background: #f8fafd; border: 1px solid #e3e8f0; }
.action { font: 500 16px/22px "Google Sans", Roboto, Arial, sans-serif; margin: 0 0 6px; color: #1f1f1f; }
.due { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; color: #444746; }
.due .relative { font-weight: 500; color: #0b57d0; }
.due.overdue .relative { color: #b3261e; }
.due.today .relative { color: #b06000; }
.checkin { font-weight: 500; color: #1f1f1f; }
blockquote { margin: 6px 0 8px; padding: 6px 10px; border-left: 3px solid #a8c7fa; background: #fff; border-radius: 0 8px 8px 0; color: #1f1f1f; font-style: italic; overflow-wrap: anywhere; }
.draft { background: #fff; border: 1px solid #e3e3e3; border-radius: 8px; padding: 10px 12px; }
.draft .subject { font-weight: 500; margin-bottom: 6px; overflow-wrap: anywhere; }
.draft .text { white-space: pre-wrap; max-height: 180px; overflow-y: auto; color: #1f1f1f; font-size: 13px; line-height: 19px; overflow-wrap: anywhere; }
.row { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 10px; align-items: center; }
button, .button {
  font: 500 13px/18px "Google Sans", Roboto, Arial, sans-serif; cursor: pointer; border-radius: 18px;
  padding: 7px 14px; border: 1px solid #747775; background: #fff; color: #0b57d0; text-decoration: none;
}
button:hover, .button:hover { background: #f0f4f9; }
button.primary { background: #0b57d0; border-color: #0b57d0; color: #fff; }
button.primary:hover { background: #0842a0; }
button.quiet { border-color: transparent; padding: 4px 8px; color: #0b57d0; background: transparent; }
button.icon { border: 0; padding: 6px 10px; color: #444746; background: transparent; font-size: 16px; line-height: 16px; }
button:disabled { opacity: .55; cursor: default; }
button:focus-visible, select:focus-visible, input:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
input, select, textarea {
  font: 400 13px/18px Roboto, Arial, sans-serif; color: #1f1f1f; border: 1px solid #c4c7c5; border-radius: 8px;
  padding: 6px 8px; background: #fff;
}
textarea { width: 100%; resize: vertical; min-height: 56px; }
.form { margin-top: 10px; padding: 10px; border-radius: 8px; background: #fff; border: 1px solid #e3e3e3; }
.form label { display: block; font-size: 12px; color: #444746; margin-bottom: 4px; }
.form label.spaced { margin-top: 8px; }
.form select { width: 100%; }
.timeline { list-style: none; margin: 0; padding: 0; }
.timeline li { position: relative; padding: 0 0 14px 18px; }
.timeline li::before { content: ""; position: absolute; left: 3px; top: 7px; width: 7px; height: 7px; border-radius: 50%; background: #a8c7fa; }
.timeline li.out::before { background: #c4c7c5; }
.timeline li::after { content: ""; position: absolute; left: 6px; top: 18px; bottom: 2px; width: 1px; background: #e3e3e3; }
.timeline li:last-child::after { display: none; }
.meta { font-size: 12px; color: #5e5e5e; }
.subject-line { overflow-wrap: anywhere; margin: 2px 0 4px; }
.labelline { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.keydate { font-size: 12px; color: #444746; }
.status { margin: 8px 0 0; font-size: 13px; color: #444746; }
.problem { padding: 12px; border-radius: 12px; background: #fdf2f1; border: 1px solid #f3d2cf; color: #410e0b; }
.problem code, .empty code { font-family: "Roboto Mono", monospace; font-size: 12px; background: rgba(0,0,0,.05); padding: 1px 4px; border-radius: 4px; }
.empty { padding: 12px; border-radius: 12px; background: #f8fafd; border: 1px solid #e3e8f0; color: #444746; }
`;
