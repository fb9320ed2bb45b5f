import { page, ui } from 'atrium';

export default page({
  title: 'Hello',
  data: { count: 0, name: '' },

  onLoad(query) {
    if (query.name) this.setData({ name: query.name });
  },

  add() {
    this.setData({ count: this.data.count + 1 });
    if (this.data.count === 10) void ui.toast({ title: 'Ten taps!', icon: 'success' });
  },

  render() {
    const who = this.data.name || 'world';
    return (
      <view style={{ padding: 24, display: 'flex', flexDirection: 'column', gap: 16 }}>
        <text id="greeting" style={{ fontSize: 24, fontWeight: 'bold' }}>Hello, {who}!</text>
        <text id="count">Tapped {this.data.count} times</text>
        <button id="add" kind="primary" onTap="add">Tap me</button>
      </view>
    );
  },
});
