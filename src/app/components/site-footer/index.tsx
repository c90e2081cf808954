import './style.css';

/** The portal's footer links, with the same names and order. */
const FOOTER_LINKS: readonly { href: string; label: string }[] = [
  { href: '/about/contact', label: '联系我们' },
  { href: '/about/contact#email', label: '邮箱' },
  { href: '/about/jobs', label: '招聘信息' },
  { href: '/about/copyright', label: '版权声明' },
  { href: '/about/ads', label: '广告合作' },
  { href: '/about/about', label: '关于我们' },
  { href: 'tel:0531-88556595', label: '违法和不良信息举报电话：0531-88556595' },
  { href: '/about/accessibility', label: '网站无障碍' },
];

/** The contentinfo landmark: site information links and the demo-content note. */
export function SiteFooter() {
  return (
    <footer class="site-footer">
      <div class="site-footer__inner">
        <nav aria-label="网站信息">
          <ul class="footer-links">
            {FOOTER_LINKS.map((link) => (
              <li key={link.href}>
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <p>本应用中标注“示例内容”的文章为演示数据。</p>
        <p>齐鲁轻读 · 山东新闻离线阅读</p>
      </div>
    </footer>
  );
}
