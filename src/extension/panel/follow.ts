// The panel follows the current session: a snapshot on every stop (follow mode "everyStop")
// and at the end of a run, the function being back-propagated highlighted, figures as the
// script shows them. Also restores the panel after a window reload.
import { Disposable, window, type WebviewPanel } from 'vscode';
import type { Gradscope } from '../context';
import { toPanelFigure } from '../figures';
import { onSettingsChange, settings } from '../settings';
import { PANEL_VIEW_TYPE } from './panel';

export function register(g: Gradscope): Disposable {
  const { hub, panel } = g;
  const subs: Disposable[] = [];
  subs.push(window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
    // The webview restores its own state (getState); the host re-attaches and resends the current graph.
    deserializeWebviewPanel: async (p: WebviewPanel) => { panel.attach(p); },
  }));
  subs.push(new Disposable(hub.on((e) => {
    switch (e.type) {
      case 'started':
        panel.highlight([]);
        panel.setFigures([]);
        // Stepping shows the graph from the first stop on.
        if (e.t.kind === 'debug' && settings.followMode() === 'everyStop') panel.reveal(true);
        return;
      case 'stopped':
        panel.highlight(e.stop.reason === 'backprop' && e.stop.functionId !== undefined ? [`f${e.stop.functionId}`] : []);
        return;
      case 'continued':
        return;
      case 'snapshot':
        // A run shows its final graph when it ends (see 'ended'); a debug session at every stop.
        if (e.t.kind === 'run' && e.t.state !== 'finished') return;
        if (settings.followMode() === 'everyStop' || panel.isOpen) panel.showSnapshot(e.snapshot, settings.followMode() === 'everyStop');
        return;
      case 'figure':
        panel.setFigures(e.t.figures.map(toPanelFigure));
        return;
      case 'ended':
        panel.highlight([]);
        // In "onRequest" mode an open panel still shows the run's final graph (without being brought forward).
        if (e.t.snapshot && e.t.kind === 'run' && (settings.followMode() === 'everyStop' || panel.isOpen)) {
          panel.showSnapshot(e.t.snapshot, settings.followMode() === 'everyStop');
        }
        return;
      default:
        return;
    }
  }).dispose));
  subs.push(onSettingsChange('graph.overviewThreshold', () => panel.sendConfig()));
  subs.push(onSettingsChange('graph.layoutDirection', () => panel.applyLayoutSettings()));
  subs.push(onSettingsChange('graph.verboseLabels', () => panel.applyLayoutSettings()));
  return Disposable.from(...subs);
}
